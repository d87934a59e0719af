"""Pure-Python core: records, codecs, framing, config, profiles, engines; never imports Qt."""
