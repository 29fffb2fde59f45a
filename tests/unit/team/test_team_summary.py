"""Team figures and the refusals of team_summary, in English and in French: the words change,
the summary's keys (a contract between members' machines) never do."""

from __future__ import annotations

import json

import pytest

from socialtime.team.summary import (
    SUMMARY_KEYS,
    AggregateError,
    Summary,
    TeamFigures,
    aggregate,
    check_summary,
    read_summary,
    render,
    summary_text,
)

FIGURES = TeamFigures(
    team="Design team",
    week="2026-W48",
    members=6,
    share_met=0.55,
    most_days=4,
    histogram={"0-15": 3, "15-30": 2, "30-60": 1, "60+": 0},
)
DOC = {
    "format": "socialtime-team-summary",
    "version": 1,
    "team": "Design team",
    "week": "2026-W48",
    "work_days": 5,
    "days_met": 3,
    "social_minutes_per_work_day": "15-30",
    "token": "0123456789abcdef0123456789abcdef",
}


def summaries(count: int) -> list[Summary]:
    return [
        Summary(f"s{i}.json", "Design team", "2026-W48", 5, 3, "0-15", f"{i:032x}")
        for i in range(count)
    ]


def test_the_figures_in_english() -> None:
    lines = render(FIGURES).splitlines()
    assert lines[:4] == [
        'Team "Design team", week of 23 November 2026: 6 members',
        "Goal met on 55 % of work days (each member's days met / work days, averaged)",
        "Members who met the goal on most of their work days: 4 of 6",
        "Average social time per work day (members):",
    ]
    assert lines[4].split() == ["0-15", "min", "###", "3"]


def test_the_figures_in_french(french) -> None:
    lines = render(FIGURES).splitlines()
    assert lines[:4] == [
        "Équipe «\u00a0Design team\u00a0», semaine du 23 novembre 2026\u00a0: 6 membres",
        "Objectif atteint 55\u00a0% des jours travaillés (pour chaque membre, jours où "
        "l'objectif est atteint / jours travaillés, puis moyenne)",
        "Membres ayant atteint l'objectif la plupart de leurs jours travaillés\u00a0: 4 sur 6",
        "Temps moyen sur les réseaux sociaux par jour travaillé (membres)\u00a0:",
    ]
    assert lines[4].split() == ["0-15", "min", "###", "3"]


def test_too_few_summaries_are_refused_in_each_language(request) -> None:
    with pytest.raises(AggregateError, match=r"only 4 distinct summaries; .* at least 5"):
        aggregate(summaries(4))
    request.getfixturevalue("french")
    with pytest.raises(AggregateError) as info:
        aggregate(summaries(4))
    assert info.value.problems == [
        "seulement 4 récapitulatifs distincts\u00a0; les chiffres d'équipe en demandent au "
        "moins 5, de la même équipe et de la même semaine, pour que personne ne puisse être "
        "reconnu individuellement"
    ]
    with pytest.raises(AggregateError, match="seulement 1 récapitulatif distinct\u00a0;"):
        aggregate(summaries(1))


def test_problems_name_the_file_and_the_key_in_french(french, tmp_path) -> None:
    bad = dict(DOC, token="not hex", extra=1)
    summary, problems = check_summary(bad, "anne.json")
    assert summary is None
    assert problems == [
        "anne.json\u00a0: clé inattendue 'extra' (un récapitulatif ne contient rien d'autre)",
        "anne.json\u00a0: la clé 'token' doit contenir 32 chiffres hexadécimaux",
    ]
    damaged = tmp_path / "b.json"
    damaged.write_text('{"format": ', encoding="utf-8")
    assert read_summary(damaged)[1][0].startswith(
        f"{damaged}\u00a0: JSON invalide, fichier tronqué ou endommagé ("
    )


def test_the_summary_itself_is_never_translated(request) -> None:
    english = summary_text(DOC)
    request.getfixturevalue("french")
    assert summary_text(DOC) == english
    assert tuple(json.loads(english)) == SUMMARY_KEYS
