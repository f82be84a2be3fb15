"""Work split over forked processes, for the stages that parse every file of a large archive.

Forking shares what the parent has built (registers, the resolved index) with
no pickling on the way in; only each worker's results are pickled back. A
worker runs `work(shard)` for its shard number; results come back in shard
order, so what the caller assembles does not depend on which worker finished
first, and the output is the same as a serial run's.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import traceback


PARALLEL_FROM = 50  # meetings; below this, starting processes costs more than it saves


class WorkerFailed(RuntimeError):
    pass


_ENDING = {signal.SIGINT, signal.SIGTERM}
# The SIGTERMs the command took (cli.py): its handler raises SystemExit, but one that arrives while Python runs a
# finalizer (a pipe's __del__) is only printed there, and the build carried on to replace the site and exit 0.
# Signals are the process's, so this is too.
_TAKEN: list[int] = []


def took(signum: int) -> None:
    _TAKEN.append(signum)


def ended_by() -> int | None:
    """The signal taken, if one was: the command's exit status says so, however far it got."""
    return _TAKEN[0] if _TAKEN else None


def end_if_taken() -> None:
    """Before the site is replaced: a signal taken but lost in a finalizer ends the command here."""
    if _TAKEN:
        raise SystemExit(128 + _TAKEN[0])


@contextlib.contextmanager
def signals_held():
    """Ctrl+C and SIGTERM wait until the block is done. Around a fork: Python runs callbacks of its own there,
    where the exception that ends the command (cli: SIGTERM as SystemExit) would only be printed, and the
    command would carry on. A forked process lets them through again (`signals_let_through`)."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _ENDING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def signals_let_through() -> None:
    """In a forked process: the signals held over the fork let through, and Ctrl+C, which a terminal sends to the
    whole process group, ends it at once, as SIGTERM does (cli.py): its parent, stopped by the same keypress, is
    the one that cleans up and says so; the forked process has nothing of its own to clean up or to say."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _end_at_once)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _ENDING)


def _end_at_once(signum, frame) -> None:
    os._exit(128 + signum)


def has_ended(pid: str) -> bool:
    """Whether the process `pid` (as a file's name gives it) has ended; False for one still running, another
    user's, or a name that gives no number. What a build left behind is removed only once its process is gone."""
    try:
        os.kill(int(pid), 0)
    except ValueError:
        return False
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return False


def default_jobs(jobs: int = 0) -> int:
    """`jobs`, or one per core (at most 8) when it is 0."""
    return jobs or min(os.cpu_count() or 1, 8)


def fork_map(work, shards: int) -> list:
    """[work(0), ..., work(shards - 1)], each computed in its own forked process."""
    running = [Forked(lambda shard=shard: work(shard)) for shard in range(shards)]
    results, failure = [], None
    for forked in running:
        try:
            results.append(forked.result())
        except WorkerFailed as exc:
            failure = failure or exc
    if failure is not None:
        raise failure
    return results


class Forked:
    """`work()` computed in a forked process while the caller goes on with other work; `result()` waits for it,
    raising WorkerFailed (with the worker's traceback) if it failed or stopped. `stop()` ends it unless its
    result was taken: a caller that gives up (an exception) must not leave it writing after the caller has
    cleaned up."""

    def __init__(self, work):
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)

        def run():
            signals_let_through()
            try:
                send.send((True, work()))
            except BaseException:  # reported in the parent, which decides what to do
                send.send((False, traceback.format_exc()))
            finally:
                send.close()

        self._process = context.Process(target=run, daemon=True)
        try:
            with signals_held():
                self._process.start()
            send.close()
        except BaseException:  # a signal held over the fork lands as it ends: no caller would have it to stop
            send.close()
            self.stop()
            raise

    def result(self):
        try:
            ok, value = self._receive.recv()
        except EOFError:
            ok, value = False, "the process stopped unexpectedly"
        self._process.join()
        self._receive.close()
        if not ok:
            raise WorkerFailed(value)
        return value

    def __enter__(self) -> "Forked":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()
