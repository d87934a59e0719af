"""The Labs: a browser of built-in labs and the page of a running lab or scenario."""
