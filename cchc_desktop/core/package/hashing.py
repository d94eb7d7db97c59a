"""SHA-256 on a second core while the caller copies and CRCs the same chunk.

hashlib and zlib release the GIL on large buffers, so hashing chunk n on a helper thread while
the caller writes and CRCs chunk n overlaps the two costs (about 30% faster export and verify on
2 cores, docs/benchmarks.md).  At most one chunk is in flight: memory stays flat.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import Future, ThreadPoolExecutor


class OverlappedHashing:
    """One helper thread for a whole package; `digest()` gives a fresh overlapped SHA-256."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cchc-sha256")

    def digest(self) -> "OverlappedDigest":
        return OverlappedDigest(self._pool)

    def close(self) -> None:
        self._pool.shutdown(wait=True)

    def __enter__(self) -> "OverlappedHashing":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class OverlappedDigest:
    def __init__(self, pool: ThreadPoolExecutor) -> None:
        self._hash = hashlib.sha256()
        self._pool = pool
        self._pending: Future[None] | None = None

    def update(self, chunk: bytes) -> None:
        """Queue `chunk` (bytes are immutable, so sharing it is safe) after the previous one."""
        if self._pending is not None:
            self._pending.result()
        self._pending = self._pool.submit(self._hash.update, chunk)

    def hexdigest(self) -> str:
        if self._pending is not None:
            self._pending.result()
            self._pending = None
        return self._hash.hexdigest()
