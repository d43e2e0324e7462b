"""Who a state's own acts fall on at home: its regions, its papers and parties, and the groups it warns."""

from __future__ import annotations

from blocwatch.pipeline import extract_text
from blocwatch.records import Event


def events_of(text: str, date: str = "2024-03-15") -> list[Event]:
    return extract_text(text, date=date).events


def recipients(events: list[Event], root: str) -> list:
    return [e.recipient for e in events if e.cameo.startswith(root) and e.recipient is not None]


def test_a_measure_lifted_in_the_states_own_region_falls_on_that_region() -> None:
    found = recipients(events_of("Sudan's government lifted the state of emergency in South Kordofan State on "
                                 "Friday."), "08")
    assert found and found[0].country == "SDN" and "Kordofan" in found[0].text


def test_a_warning_about_acts_by_a_group_is_aimed_at_the_group() -> None:
    found = recipients(events_of("Turkey's interior minister warned that security forces would no longer tolerate "
                                 "attacks by the PKK."), "1")
    assert [r.text for r in found] == ["the PKK"]


def test_a_named_newspaper_is_an_organisation_of_the_government_acting_on_it() -> None:
    found = recipients(events_of("Venezuela's government ordered the opposition newspaper El Tiempo Libre to halt "
                                 "printing."), "10")
    assert found and found[0].kind == "org" and found[0].country == "VEN"


def test_a_report_clause_hung_on_a_demand_is_not_what_is_demanded() -> None:
    found = recipients(events_of("Arab foreign ministers demanded the withdrawal of Ethiopian troops from Somalia on "
                                 "Sunday, diplomats quoted a communique as saying."), "10")
    assert found and found[0].country == "ETH"


def test_infrastructure_attacked_is_placed_where_it_runs() -> None:
    found = recipients(events_of("Rebels blew up an oil pipeline running into Kirkuk last week."), "1")
    assert found and found[0].country == "IRQ"
