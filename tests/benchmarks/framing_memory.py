"""Memory a framing decoder needs for a hostile stream: one big frame, one byte per recv().

Run: ``python tests/benchmarks/framing_memory.py [--size BYTES]``

Each case runs in a fresh child process, so ``ru_maxrss`` (peak resident size) belongs to
that case alone. A case feeds one length-prefixed frame of ``--size`` payload bytes
(default 1 MiB) to a decoder one byte per feed, each byte its own chunk (its own seq), as a
peer trickling bytes into a slow reader would produce, and keeps the decoded message alive
as a view would. It prints the peak RSS over the baseline, the tracemalloc peak and the
number of spans the message carries. The last line is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import struct
import time
import tracemalloc


def _case(size: int, traced: bool, out: mp.Queue) -> None:  # type: ignore[type-arg]
    from netassistant.core.framing import FrameSpec, make_decoder

    spec = FrameSpec("length", fmt="!I", max_length=max(size, 1))
    stream = struct.pack("!I", size) + b"x" * size
    decoder = make_decoder(spec)
    if traced:
        tracemalloc.start()
    base_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    records = []
    for seq in range(len(stream)):
        records += decoder.feed(stream[seq : seq + 1], seq)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    traced_peak = tracemalloc.get_traced_memory()[1] if traced else 0
    (message,) = records
    assert message.payload == b"x" * size
    out.put(
        {
            "rss_mb": round((peak_kib - base_kib) / 1024, 1),
            "traced_mb": round(traced_peak / 1e6, 1),
            "spans": len(message.spans),
            "seconds": round(elapsed, 2),
        }
    )


def _run(size: int, traced: bool) -> dict[str, float]:
    queue: mp.Queue = mp.get_context("spawn").Queue()  # type: ignore[type-arg]
    child = mp.get_context("spawn").Process(target=_case, args=(size, traced, queue))
    child.start()
    result = queue.get(timeout=300)
    child.join(timeout=60)
    return result  # type: ignore[no-any-return]


def main() -> None:
    """Run the measurement and print it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1 << 20, help="payload bytes (1 MiB)")
    args = parser.parse_args()
    rss = _run(args.size, traced=False)
    traced = _run(args.size, traced=True)
    print(
        f"{args.size} payload bytes, 1 byte per chunk: peak RSS +{rss['rss_mb']} MB, "
        f"tracemalloc peak {traced['traced_mb']} MB, {rss['spans']} spans, {rss['seconds']} s"
    )
    print(
        json.dumps(
            {
                "size": args.size,
                **{k: rss[k] for k in ("rss_mb", "spans", "seconds")},
                "traced_mb": traced["traced_mb"],
            }
        )
    )


if __name__ == "__main__":
    main()
