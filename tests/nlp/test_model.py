from __future__ import annotations

import pytest
import spacy

from dragoman.errors import ConfigError, ModelNotFoundError
from dragoman.nlp import model
from dragoman.nlp.segment import line_breaks


def test_configured_model_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAGOMAN_MODEL", "my_model")
    assert model.choose_model() == "my_model"
    assert model.choose_model("explicit") == "explicit"


def test_official_model_is_preferred_to_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DRAGOMAN_MODEL", raising=False)
    monkeypatch.setattr(model, "_installed", lambda name: name in {"en_core_web_md", model.FALLBACK_MODEL})
    assert model.choose_model() == "en_core_web_md"
    monkeypatch.setattr(model, "_installed", lambda name: name == model.FALLBACK_MODEL)
    assert model.choose_model() == model.FALLBACK_MODEL


def test_no_model_gives_a_message_with_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DRAGOMAN_MODEL", raising=False)
    monkeypatch.setattr(model, "_installed", lambda name: False)
    with pytest.raises(ModelNotFoundError, match=r"requirements/model\.txt"):
        model.choose_model()


def test_a_configured_model_that_is_not_installed_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no_such_model_xyz"):
        model.load_model("no_such_model_xyz")


def test_line_breaks_start_sentences() -> None:
    nlp = spacy.blank("en")
    doc = line_breaks(nlp("Goals of the Visit\nTehran sent its diplomat. Then more"))
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Tehran" in starts
    assert not doc[doc.text.split().index("its") + 1].is_sent_start
