"""A Dask worker plugin: a private LocalCluster's worker exits when the build process is gone.

Only registered on the LocalCluster a build starts itself (its workers are
children of the build process), never on a shared cluster's workers.
"""
from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

from analysis.lifecycle import die_with_parent


class ParentWatch(WorkerPlugin):
    """On setup in a worker, poll the parent pid and exit when it changes."""

    name = "analysis-parent-watch"

    def __init__(self, parent_pid: int) -> None:
        self.parent_pid = parent_pid

    def setup(self, worker=None) -> None:
        # Dask starts its workers from an event-loop thread, so PR_SET_PDEATHSIG
        # (which fires when that *thread* exits) is not used: the watch thread polls
        die_with_parent(self.parent_pid, use_pdeathsig=False)
