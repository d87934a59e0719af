"""The Timeline view: a session's socket calls as a live sequence diagram."""
