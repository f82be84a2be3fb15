"""Work split over forked processes, for the stages that parse every file of a large archive.

Forking shares what the parent has built (registers, the resolved index) with
no pickling on the way in; only each worker's results are pickled back. A
worker runs `work(shard)` for its shard number; results come back in shard
order, so what the caller assembles does not depend on which worker finished
first, and the output is the same as a serial run's.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback


PARALLEL_FROM = 50  # meetings; below this, starting processes costs more than it saves


class WorkerFailed(RuntimeError):
    pass


def default_jobs(jobs: int = 0) -> int:
    """`jobs`, or one per core (at most 8) when it is 0."""
    return jobs or min(os.cpu_count() or 1, 8)


def fork_map(work, shards: int) -> list:
    """[work(0), ..., work(shards - 1)], each computed in its own forked process."""
    context = multiprocessing.get_context("fork")
    running = []
    for shard in range(shards):
        receive, send = context.Pipe(duplex=False)

        def run(shard=shard, send=send):
            try:
                send.send((True, work(shard)))
            except BaseException:  # reported in the parent, which decides what to do
                send.send((False, traceback.format_exc()))
            finally:
                send.close()

        process = context.Process(target=run, daemon=True)
        process.start()
        send.close()
        running.append((process, receive))
    results, failure = [], None
    for process, receive in running:
        try:
            ok, value = receive.recv()
        except EOFError:
            ok, value = False, "the process stopped unexpectedly"
        process.join()
        if ok:
            results.append(value)
        elif failure is None:
            failure = value
    if failure is not None:
        raise WorkerFailed(failure)
    return results
