from __future__ import annotations

from typing import Any

from dragoman.evaluate import actor_keys, fold, score


def _event(sentence: str, cameo: str, src: str | None, tgt: str | None, modality: str = "asserted") -> dict[str, Any]:
    def actor(code: str | None) -> dict[str, Any] | None:
        return {"country": code, "org": None, "sector": None} if code else None
    return {"doc_id": "d", "sentence": sentence, "cameo": cameo, "source": actor(src), "target": actor(tgt),
            "modality": modality, "date": None, "location": None}


def _gold(sentence: str, codes: list[str], src: list[str], tgt: list[str], **kw: Any) -> dict[str, Any]:
    row = {"doc": "d", "id": sentence[:5], "sentence": sentence, "code": codes, "source": src, "target": tgt,
           "required": True, "symmetric": False, "modality": "asserted", "date": None, "location": None}
    row.update(kw)
    return row


def test_fold_ignores_case_space_and_curly_quotes() -> None:
    assert fold("Iran\u2019s  Response\n") == "iran's response"


def test_actor_keys_include_igo_and_unknown() -> None:
    assert actor_keys({"country": None, "org": "IAEA", "sector": "IGO"}) == {"IAEA", "IGO"}
    assert actor_keys({"country": None, "org": None, "sector": "REB"}) == {"---"}


def test_match_needs_root_dyad_and_sentence() -> None:
    gold = [_gold("Iran visited Russia", ["042"], ["IRN"], ["RUS"])]
    assert score(gold, [_event("Iran visited Russia.", "043", "IRN", "RUS")]).tp == 1
    assert score(gold, [_event("Iran visited Russia.", "051", "IRN", "RUS")]).tp == 0
    assert score(gold, [_event("Iran visited Russia.", "042", "RUS", "IRN")]).tp == 0
    assert score(gold, [_event("Something else.", "042", "IRN", "RUS")]).tp == 0


def test_symmetric_rows_accept_swapped_dyads_and_star_targets() -> None:
    gold = [_gold("met", ["040"], ["IRN"], ["RUS"], symmetric=True)]
    assert score(gold, [_event("They met.", "040", "RUS", "IRN")]).tp == 1
    star = [_gold("agreed", ["03"], ["HUN"], ["*"])]
    assert score(star, [_event("They agreed.", "030", "HUN", None)]).tp == 1


def test_precision_leaves_out_optional_hits_and_counts_extra_events() -> None:
    gold = [_gold("a b", ["042"], ["IRN"], ["RUS"]), _gold("c d", ["190"], ["USA"], ["IRN"], required=False)]
    system = [_event("a b", "042", "IRN", "RUS"), _event("c d", "190", "USA", "IRN"),
              _event("e f", "010", "IRN", "USA")]
    result = score(gold, system)
    assert (result.tp, result.fp, result.optional_hits) == (1, 1, 1)
    assert result.precision == 0.5 and result.recall == 1.0
    assert len(result.false_positives) == 1


def test_each_event_matches_one_row_preferring_exact_code() -> None:
    gold = [_gold("x", ["042"], ["IRN"], ["RUS"]), _gold("x", ["042"], ["IRN"], ["RUS"])]
    result = score(gold, [_event("x", "043", "IRN", "RUS"), _event("x", "042", "IRN", "RUS")])
    assert result.tp == 2 and result.rates["code_exact"] == (0.5, 2)
