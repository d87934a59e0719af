"""The receive side: chunk log, stream view, detail dump and their toolbar."""
