"""Send plans (repeat, burst, split, periodic) and file sends, run on the engine's timers."""
