"""The send side: send box, options, presets and file send."""
