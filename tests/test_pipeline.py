"""Loading the pipeline pauses the cyclic garbage collector and gives it back as it found it."""

from __future__ import annotations

import gc

import pytest

from dragoman.pipeline import _collector_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_while_loading_and_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with _collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(ValueError), _collector_paused():
            raise ValueError("a malformed knowledge file")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
