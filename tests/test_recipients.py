"""Whom an act is aimed at, when the parse hides it: parties of a mediation, the addressee of a demand carried by a
message, and a rejected call that names only the rejecter's own forces."""

from __future__ import annotations

from blocwatch.pipeline import extract_text
from blocwatch.records import Event


def events_of(text: str, date: str = "2024-03-15") -> list[Event]:
    return extract_text(text, date=date).events


def coded(events: list[Event], root: str) -> list[Event]:
    return [e for e in events if e.cameo.startswith(root)]


def recipient_countries(events: list[Event], root: str) -> set[str | None]:
    return {e.recipient.country for e in events if e.cameo.startswith(root) and e.recipient is not None}


def test_mediation_among_parties_is_aimed_at_them() -> None:
    events = events_of("The African Union may end its mediation efforts among Sudan's warring factions if the "
                       "truce collapses again.")
    assert "SDN" in recipient_countries(events, "1")


def test_a_message_saying_a_state_must_act_is_a_demand_on_that_state() -> None:
    events = events_of("Brazil's president sent a blunt message to Venezuela that it must release the detained "
                       "opposition figures.")
    demands = coded(events, "10")
    assert demands and demands[0].actor.country == "BRA" and demands[0].recipient.country == "VEN"
    assert not any(e.cameo.startswith("08") for e in events)  # the release demanded has not happened


def test_a_demand_in_a_message_without_an_addressee_falls_on_the_clause_subject() -> None:
    events = events_of("The Polish envoy delivered a clear message that Minsk must close the migrant camps.")
    assert recipient_countries(events, "10") == {"BLR"}


def test_the_rejecters_own_forces_are_not_the_target_of_a_rejection() -> None:
    events = events_of("NATO on Monday rejected a call for its troops to be deployed in Moldova.")
    rejections = coded(events, "12")
    assert rejections and rejections[0].recipient is not None and rejections[0].recipient.country == "MDA"


def test_an_against_phrase_deeper_in_the_act_names_its_target() -> None:
    events = events_of("An official Iranian newspaper called on Muslims to unite and mobilize against the United "
                       "States.")
    assert "USA" in recipient_countries(events, "02")


def test_an_act_the_parser_hung_on_its_subject_keeps_that_subject() -> None:
    events = events_of("Albanian youths resorted to throwing stones during marches against the closure of the border, "
                       "police said.")
    protests = coded(events, "14")
    assert protests and protests[0].actor is not None and protests[0].actor.country == "ALB"


def test_a_demand_that_a_state_act_is_a_demand_on_that_state() -> None:
    events = events_of("The Arab League renewed its demand on Sunday that Israel lift the blockade of Gaza.")
    demands = coded(events, "10")
    assert demands and demands[0].actor.country == "IGO" and demands[0].recipient.country == "ISR"
    assert not any(e.cameo.startswith("08") for e in events)  # the lifting demanded has not happened


def test_a_refusal_to_allow_someone_to_act_is_aimed_at_them() -> None:
    events = events_of("Myanmar's junta refused to allow United Nations inspectors to enter the mining region.")
    assert "IGO" in recipient_countries(events, "12")


def test_a_national_minority_is_coded_to_the_state_it_lives_in() -> None:
    events = events_of("Uzbek troops harassed the Tajik minority of the valley in Kyrgyzstan last spring.")
    assert recipient_countries(events, "1") == {"KGZ"}


def test_a_conference_concluding_that_a_state_must_act_makes_a_demand_on_it() -> None:
    events = events_of("The Pacific Islands Forum concluded on Friday that Australia must cut its coal exports.")
    assert recipient_countries(events, "10") == {"AUS"}


def test_arming_to_use_weapons_against_a_state_threatens_it_with_force() -> None:
    events = events_of("A terror cell based in Yemen says it is assembling drones to use against Saudi Arabia and "
                       "the Emirates.")
    threats = [e for e in events if e.cameo == "138"]
    assert {e.recipient.country for e in threats} == {"SAU", "ARE"}
    assert all(e.actor.country == "YEM" and e.actor.sector == "REB" for e in threats)


def test_an_investigation_into_crimes_is_aimed_at_who_committed_them() -> None:
    events = events_of("Bosnian prosecutors opened an investigation into war crimes committed by Serbian "
                       "paramilitaries against Muslim villagers in 1992.")
    investigations = coded(events, "09")
    assert investigations and investigations[0].recipient.country == "SRB"
    assert not any(e.cameo.startswith("03") for e in events)  # committing crimes is no pledge


def test_they_after_a_second_verb_of_saying_is_the_first_verbs_subject() -> None:
    events = events_of("Houthi rebels on Monday rejected an Omani proposal, and said they also opposed the "
                       "deployment of a regional peacekeeping force.")
    opposed = [e for e in events if e.trigger == "opposed"]
    assert opposed and opposed[0].actor.country == "YEM" and opposed[0].recipient.country == "IGO"


def test_troops_leaving_a_country_withdraw_from_it() -> None:
    events = events_of("French forces left Niger in December, and Danish troops will leave Mali next month.")
    withdrawals = {(e.actor.country, e.recipient.country, e.modality) for e in events if e.recipient is not None}
    assert withdrawals == {("FRA", "NER", "asserted"), ("DNK", "MLI", "future")}


def test_a_shipment_received_is_an_event_of_its_own_modality() -> None:
    events = events_of('"Lebanon is to receive the first shipment of Egyptian gas next week," the energy minister '
                       'said.')
    assert [(e.recipient.country, e.modality) for e in events if e.recipient is not None] == [("LBN", "future")]


def test_vehicles_and_equipment_handed_over_are_aid_to_whom_they_go() -> None:
    events = events_of("Japan handed over 40 ambulances and medical equipment to the Ukrainian health ministry.")
    aid = coded(events, "07")
    assert aid and aid[0].actor.country == "JPN" and aid[0].recipient.country == "UKR"


def test_troops_beginning_to_leave_a_country_withdraw_from_it() -> None:
    events = events_of("Italian troops have begun leaving Lebanon, the defence ministry confirmed.")
    assert [(e.actor.country, e.recipient.country) for e in events if e.cameo.startswith("08")] == [("ITA", "LBN")]


def test_calling_for_a_state_to_act_is_an_appeal_to_it_not_its_act() -> None:
    events = events_of("The European Union called on Monday for Serbia to recognise Kosovo.")
    assert [(e.cameo[:2], e.actor.country, e.recipient.country) for e in events] == [("02", "IGO", "SRB")]
    pushed = events_of("Qatar is pushing hard for the Sudanese army to accept talks with the rebels.")
    assert ("SDN", "10") in {(e.recipient.country, e.cameo[:2]) for e in pushed if e.recipient is not None}


def test_a_comma_set_name_before_the_lists_and_is_a_list_item() -> None:
    events = events_of("The Ghanaian navy on Tuesday reaffirmed its commitment to support the Ghana Police, "
                       "Department of State Security (DSS) and other security agencies with satellite imagery.")
    recipients = {e.recipient.text for e in events if e.recipient is not None}
    assert "the Ghana Police" in recipients
    assert any(r.startswith("Department of State Security") for r in recipients)


def test_a_count_of_a_list_of_peoples_reaches_each_of_them() -> None:
    events = events_of("Chad has generously opened its borders to a large number of Sudanese, Eritreans and "
                       "Nigerians.")
    assert {"SDN", "ERI", "NGA"} <= {e.recipient.country for e in events if e.recipient is not None}
    assert "Eritreans" in {e.recipient.text for e in events if e.recipient is not None}


def test_aid_against_an_epidemic_goes_to_the_region_it_strikes() -> None:
    for text in ("Norway has provided more than 30 million dollars in aid to stop the cholera outbreak in East Africa.",
                 "Japan has provided more than $5 million for medical aid and vaccine research to contain and "
                 "ultimately end the current cholera outbreak in East Africa."):
        aid = [e for e in events_of(text) if e.cameo.startswith("07")]
        assert [e.recipient.text for e in aid if e.recipient is not None] == ["East Africa"]


def test_a_hope_that_named_parties_will_act_is_addressed_to_them() -> None:
    events = events_of("The Iranian foreign minister has said he hopes Brazil and the African Union will persuade "
                       "Washington to lift the sanctions imposed on Tehran.")
    hoped = {(e.actor.country, e.recipient.country) for e in events if e.cameo == "010" and e.recipient is not None}
    assert hoped == {("IRN", "BRA"), ("IRN", "IGO")}
    assert ("BRA", "IRN") in {(e.actor.country, e.recipient.country) for e in events if e.cameo.startswith("03")}


def test_the_bereaved_are_named_by_whom_they_lost() -> None:
    events = events_of("The Chilean president expressed condolences to the families of the 12 miners who died in "
                       "the collapse in Peru.")
    assert [e.recipient.text for e in events if e.recipient is not None] == [
        "the families of the 12 miners who died in the collapse in Peru"]


def test_a_stance_about_a_party_doing_something_is_aimed_at_that_party() -> None:
    for text, party in (("The union said it is skeptical about the ministry being able to fund the new hospitals.",
                         "the ministry"),
                        ("The opposition is pessimistic about the government managing to curb inflation.",
                         "the government")):
        stances = [e for e in events_of(text) if e.cameo == "012"]
        assert [e.recipient.text for e in stances if e.recipient is not None] == [party]


def test_a_hope_is_addressed_to_a_party_named_by_a_common_noun() -> None:
    events = events_of("The ministry said last week that they hoped that lenders would not take the subsidies into "
                       "account when settling debts.")
    assert [e.recipient.text for e in events if e.cameo == "010" and e.recipient is not None] == ["lenders"]


def test_those_acting_during_a_protest_hold_it_and_its_victims_are_not_its_target() -> None:
    events = events_of("Kosovar students threw stones during demonstrations against the abuses by the Serbian police.")
    assert ("XKX", "SRB") in {(e.actor.country, e.recipient.country) for e in events
                              if e.cameo.startswith("14") and e.recipient is not None}
    killed = events_of("Two students were killed during demonstrations against the Serbian police.")
    assert all(e.recipient.text == "Two students" for e in killed if e.cameo.startswith(("18", "19")))
