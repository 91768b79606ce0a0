"""Regression sentences (written for dragoman, not taken from any evaluation set) -> expected events, run
through the real model. Each row checks the coder's mechanics on one construction; actors are compared by
country or organisation so that the test does not depend on the finer actor codes."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline

from .coded import Expected, coded, events_of

pytestmark = pytest.mark.model

CASES: list[tuple[str, list[Expected]]] = [
    # light verb + noun, prepositional target
    ("Egypt's foreign minister held talks with his Jordanian counterpart in Amman on Monday.",
     [("040", "EGY", "JOR", "asserted")]),
    # "refused to" is a rejection, refined by what is refused
    ("Pakistan refused to release the Indian fishermen.", [("1243", "PAK", "IND", "asserted")]),
    ("The Turkish army launched an offensive against Kurdish rebels in northern Iraq.",
     [("190", "TUR", "IRQ", "asserted")]),
    # mutual event of coordinated sources: one event for the pair
    ("Japan and South Korea signed an agreement to share military intelligence.",
     [("057", "JPN", "KOR", "asserted")]),
    # a planned act of aid is an intent to provide it
    ("Brazil will send food aid to Haiti next month, officials said.", [("0333", "BRA", "HTI", "planned")]),
    # the accusation governs what it accuses of
    ("Ukraine accused Russia of shelling civilian areas.", [("112", "UKR", "RUS", "asserted")]),
    ("Officials said China had not sent weapons to Russia.", [("072", "CHN", "RUS", "negated")]),
    # object control: the appeal is to the object
    ("India urged Pakistan to resume talks.", [("026", "IND", "PAK", "asserted")]),
    ("The European Union imposed sanctions on Belarus.", [("163", "EU", "BLR", "asserted")]),
    ("Saudi Arabia invited the Iranian president to visit Riyadh.", [("036", "SAU", "IRN", "asserted")]),
    ("Venezuela threatened to cut diplomatic ties with Colombia.", [("1313", "VEN", "COL", "asserted")]),
    # coordination: one event per actor pair
    ("Germany, France and Italy condemned the coup in Niger.",
     [("111", "DEU", "NER", "asserted"), ("111", "FRA", "NER", "asserted"), ("111", "ITA", "NER", "asserted")]),
    # reported future: planned, the statement itself not coded
    ("The Egyptian president said he would meet the Sudanese leader.", [("036", "EGY", "SDN", "planned")]),
    ("Police in Kenya arrested several Somali nationals.", [("173", "KEN", "SOM", "asserted")]),
    ("Iraq expelled the Turkish ambassador.", [("161", "IRQ", "TUR", "asserted")]),
    # a vote against a resolution is aimed at the body last named; a summons by "call in"
    ("The General Assembly of the United Nations debated the draft. Cuba and Iran voted against the resolution.",
     [("120", "CUB", "UN", "asserted"), ("120", "IRN", "UN", "asserted")]),
    ("Norway called in Russia's ambassador on Friday.", [("114", "NOR", "RUS", "asserted")]),
    # movement stopped by force; a membership bid held up; border points reopened
    ("Greek coast guard ships intercepted Turkish fishing boats.", [("191", "GRC", "TUR", "asserted")]),
    ("Hungary held up Ukraine's application for months.", [("120", "HUN", "UKR", "asserted")]),
    ("Ghana reopened its land and sea entry points to Togo.", [("085", "GHA", "TGO", "asserted")]),
    # "voted no", also by those who "joined" the vote
    ("The General Assembly met on Wednesday. Venezuela was joined in voting no by Cuba and Nicaragua.",
     [("120", c, "UN", "asserted") for c in ("VEN", "CUB", "NIC")]),
    # a known person's name the tagger reads as a place ("Vučić"/GPE) is still the person
    ("Later, Emmanuel Macron met Vučić in Paris.", [("040", "FRA", "SRB", "asserted")]),
    # leaving a deal reduces relations with its other party; troops withdrawing is a military retreat
    ("Canada withdrew from the trade deal with Peru.", [("160", "CAN", "PER", "asserted")]),
    # coordinated measures are acts of their own, even when the parser hangs an object on the next verb
    ("The EU closed land and sea borders with Belarus, banned imports from Belarus and froze Belarusian "
     "state assets.", [("163", "EU", "BLR", "asserted")] * 3),
    # a military withdrawal is of forces, or intransitive; withdrawing guarantees or an offer is not
    ("Moscow was withdrawing guarantees for the safety of shipping.", []),
    ("Kenya withdrew its troops from Somalia.", [("087", "KEN", "SOM", "asserted")]),
    # a measure that names no one is aimed at the state the story is about (named three times or more)
    ("Soldiers in Guinea seized power on Sunday. Guinea's new leaders dissolved the government and sealed "
     "Guinea's borders. Portugal suspended development aid on Tuesday.", [("162", "PRT", "GIN", "asserted")]),
    # ... or at an armed group of its own that the story names as often
    ("FARC rebels attacked a police post in Colombia. The FARC later seized a village, and the FARC burned a "
     "bridge. Colombia's government broke off the talks on Monday.",
     [("190", "COL", "COL", "asserted"), ("164", "COL", "COL", "asserted")]),
    # "the attack" as the subject of a killing is the act reported before it; its victims, unnamed, are of
    # the story's other party; one's own ambassador is not the target of a recall
    ("Ethiopian troops shelled a market in Somalia on Monday. The attack killed twelve civilians, Somalia's "
     "government said, and Somalia recalled its ambassador.",
     [("194", "ETH", "SOM", "asserted"), ("190", "ETH", "SOM", "claimed")]),
    # concern that names no one is about the party whose force the story reports
    ("Chinese coast guard ships blocked a Philippine supply boat on Saturday and fired water cannon at it. "
     "Chinese vessels also rammed a Philippine patrol ship. Japan expressed concern.",
     [("191", "CHN", "PHL", "asserted"), ("190", "CHN", "PHL", "asserted"), ("012", "JPN", "CHN", "asserted")]),
    # ... also when the story reports the act after the reaction (live updates, readouts)
    ("Japan strongly condemned the launch. North Korea fired two ballistic missiles into the sea, and North "
     "Korea fired artillery shells near the border with South Korea, South Korea said.",
     [("111", "JPN", "PRK", "asserted")]),
    # a resolution speaks for the body that adopts it
    ("The Security Council of the United Nations met on Friday. The resolution condemns Syria's use of "
     "chemical weapons.", [("111", "UN", "SYR", "asserted")]),
    # a subject placed by its clause's opening "in <capital>"; a spokesman speaks for the body before him
    ("In Nairobi, the foreign ministry urged Uganda to resume talks.", [("026", "KEN", "UGA", "asserted")]),
    ("The Kenyan army gave its own account on Monday. A spokesman, Paul Njuguna, urged Somalia to withdraw "
     "its troops.", [("0256", "KEN", "SOM", "asserted")]),
    # a capitalised institution of the story's state ("The Ministry of Foreign Affairs"), not placed by its name
    ("Iraq's government met on Monday. The Ministry of Foreign Affairs summoned the Turkish ambassador.",
     [("114", "IRQ", "TUR", "asserted")]),
    # items of a list of decisions are acts of the subject that introduces the list
    ("Iraq's government met on Monday. Following deliberations, Iraq's government decided the following:\n\n"
     "First: to demand an official apology from the Turkish government.", [("100", "IRQ", "TUR", "asserted")]),
    # "..., he said. He urged ...": a resolved pronoun carries its person to the next sentence
    ("Egyptian Foreign Minister Sameh Shoukry spoke to reporters in Cairo. The talks had been useful, he said. "
     "He urged Ethiopia to resume negotiations.", [("026", "EGY", "ETH", "asserted")]),
    # a travel or meeting verb's object does not refer back to an earlier act ("flew joint patrols")
    ("Iran attacked an Iraqi base. Later, Iraqi and Turkish jets flew joint patrols.",
     [("190", "IRN", "IRQ", "asserted")]),
    # "his" finds the person of the sentence before even when that sentence's subject is an institution
    ("The National Security Council held an emergency meeting in Seoul, attended by President Yoon Suk Yeol. "
     "His office warned that North Korea's provocations would meet a resolute response.",
     [("134", "KOR", "PRK", "asserted")]),
    # "the two vetoes": the perpetrators of that many acts of the noun's kind reported before
    ("The Security Council met on Friday. China and Russia voted against the resolution. The vote was a setback "
     "for Washington. Britain criticized the two vetoes.",
     [("120", "CHN", "UN", "asserted"), ("120", "RUS", "UN", "asserted"), ("111", "GBR", "CHN", "asserted"),
      ("111", "GBR", "RUS", "asserted")]),
    # a regional adjective names a region's body, never the story's state ("European leaders")
    ("European leaders condemned Russia.", [("111", "EU", "RUS", "asserted")]),
    ("Nordic governments criticized Russia.", []),
    # officials only guessed to be of the story's state do not condemn that state
    ("Russia invaded Ukraine in February. Russia's army shelled Kyiv, and Russia said it would continue. "
     "Officials condemned Russia on Friday.", [("192", "RUS", "UKR", "asserted"), ("194", "RUS", "UKR", "asserted")]),
    # crowds are of the place where they gather (an embassy stands in its city); a march on an embassy is
    # a protest against its state
    ("In Amman, crowds tried to march on the Israeli embassy.", [("141", "JOR", "ISR", "asserted")]),
    ("Hundreds of protesters rallied outside the US embassy in Beirut.", [("141", "LBN", "USA", "asserted")]),
    # a state that "protests" complains officially, to the party acting against it; a laser aimed is a threat
    ("Chinese coast guard ships blocked a Philippine supply boat on Saturday. Chinese vessels also rammed a "
     "Philippine patrol ship. The Philippines protested.",
     [("191", "CHN", "PHL", "asserted"), ("190", "CHN", "PHL", "asserted"), ("114", "PHL", "CHN", "asserted")]),
    ("A Chinese coast guard ship pointed a military-grade laser at a Philippine patrol vessel.",
     [("138", "CHN", "PHL", "asserted")]),
    # "after X on Friday vetoed ...": a clause the parser read as a preposition and its object
    ("The emergency meeting was convened after Hungary on Friday vetoed a draft Security Council resolution on "
     "the war.", [("129", "HUN", "UN", "asserted")]),
    # the path of a weapon named in a clause on its object ("a missile that flew over Japan")
    ("North Korea has fired a ballistic missile that appears to have flown over Japan.",
     [("195", "PRK", "JPN", "asserted")]),
    # a right or plan to act states an intent: "reserves the right to respond" is a threat, not retaliation
    ("Iranian artillery shelled Iraqi border posts on Monday. Iraq reserves its full right to respond to these "
     "aggressions.", [("194", "IRN", "IRQ", "asserted"), ("138", "IRQ", "IRN", "planned")]),
    # a host meets each party of the talks it hosts, and the parties meet one another
    ("Norway hosted a meeting between Colombia and Venezuela in Oslo.",
     [("040", "NOR", "COL", "asserted"), ("040", "NOR", "VEN", "asserted"), ("040", "COL", "VEN", "asserted")]),
    # victims of force at a place the gazetteer knows (no actor named there) are of that place's state
    ("Gunmen from the Somali group al-Shabaab killed 148 people at a university in the town of Garissa.",
     [("180", "SOM", "KEN", "asserted")]),
    # an agreement signed between two armed bodies of one state is between rivals, not the state at work
    ("Libya's unity government and Libya's eastern army signed a permanent ceasefire agreement in Geneva.",
     [("057", "LBY", "LBY", "asserted")]),
    # a request weighed by someone is made of them; weapons bought are goods, not an army
    ("Washington has been weighing a Turkish request to buy F-16 fighter jets.",
     [("020", "TUR", "USA", "asserted")]),
    # siding with someone is support; widening or tightening sanctions on someone is a sanction
    ("Washington, Manila's treaty ally, quickly sided with the Philippines.", [("051", "USA", "PHL", "asserted")]),
    ("The Security Council tightened the sanctions regime on North Korea.", [("163", "UN", "PRK", "asserted")]),
    # travelling somewhere "for talks with X" is talking with X
    ("Indonesia's foreign minister flew to Canberra for talks with her Australian counterpart.",
     [("042", "IDN", "AUS", "asserted"), ("040", "IDN", "AUS", "asserted")]),
    # pleasantries exchanged or hands shaken are a meeting
    ("Gustavo Petro shook hands with Nicolas Maduro.", [("040", "COL", "VEN", "asserted")]),
    # "the Council" of a story that has named no organisation is a body of its state; a decision to recall
    # one's own ambassador is aimed at the story's other party
    ("Turkish troops shelled a resort in Iraq, and Turkish drones struck a village in Iraq. Iraq's prime "
     "minister chaired an emergency meeting. Following deliberations, the Council decided the following:\n\n"
     "First: to recall Iraq's ambassador in Ankara.",
     [("194", "TUR", "IRQ", "asserted"), ("195", "TUR", "IRQ", "asserted"), ("161", "IRQ", "TUR", "asserted")]),
    # a complaint prepared or filed "against X" is aimed at X, wherever it is sent
    ("Iraq prepared a complaint to the UN Security Council against Turkey.", [("114", "IRQ", "TUR", "planned")]),
    # "summoned X to protest": the purpose infinitive is the summons, not a demonstration
    ("Iran's foreign ministry summoned Britain's top diplomat in Tehran to protest.",
     [("114", "IRN", "GBR", "asserted")]),
    # writing to someone (with a proposal) is an appeal to them
    ("Guterres said he had written to Putin last week with proposals to keep the deal alive.",
     [("020", "UN", "RUS", "claimed")]),
    # "the killings" names an act reported earlier even when that act named no target: its perpetrator
    ("Gunmen from the Somali group al-Shabaab killed dozens of people on Friday. The African Union "
     "condemned the killings.", [("111", "AU", "SOM", "asserted")]),
    # a reported "must" is a demand of the clause's subject; the subject of a "that" clause comes first
    ("Kenya said on Monday that Somalia must hand over the suspects.", [("100", "KEN", "SOM", "asserted")]),
    ("Chile demanded that Peru stop selling weapons to Bolivia.", [("101", "CHL", "PER", "asserted")]),
    ("Japan reiterated its demand that North Korea release the abductees.", [("1053", "JPN", "PRK", "asserted")]),
    # object control through a pressure noun: the pressure is the event, not the agreement
    ("Brazil may put pressure on Paraguay to agree to the deal.", [("100", "BRA", "PRY", "hypothetical")]),
    # a multilateral meeting is one event; so is a mediation between two parties
    ("Foreign ministers of Egypt, Jordan, Iraq and Qatar will meet in Cairo next week.",
     [("036", a, b, "planned") for a, b in [("EGY", "JOR"), ("EGY", "IRQ"), ("EGY", "QAT"), ("JOR", "IRQ"),
                                            ("JOR", "QAT"), ("IRQ", "QAT")]]),
    ("Algeria offered to mediate between Mali and Niger.", [("039", "DZA", "MLI", "asserted")]),
    # inward events: the place, else the source's own state (police)
    ("Chilean students rioted in Lima on Sunday.", [("145", "CHL", "PER", "asserted")]),
    ("Police in Ghana arrested dozens of demonstrators.", [("173", "GHA", "GHA", "asserted")]),
    ("Thailand declared a state of emergency in Bangkok.", [("1724", "THA", "THA", "asserted")]),
    # announced and conditional conflictual acts are threats; the condition names the one threatened
    ("Pakistan said it would impose sanctions on Afghanistan.", [("1312", "PAK", "AFG", "planned")]),
    ("Serbia may halt talks with Kosovo if the attacks continue.", [("134", "SRB", "XKX", "hypothetical")]),
    ("Students in Chile threatened to stage a strike unless Argentina lifted the ban.",
     [("133", "CHL", "ARG", "asserted")]),
    # force used in a state targets it when no actor is named
    ("US warplanes struck targets in Yemen on Tuesday.", [("195", "USA", "YEM", "asserted")]),
    # coordinated sources of a non-mutual act: one event each
    ("Saudi Arabia and the UAE cut ties with Qatar.", [("161", "SAU", "QAT", "asserted"),
                                                      ("161", "ARE", "QAT", "asserted")]),
    # a role without a named state takes the state of the place it acts in
    ("Thousands of protesters marched against the government in Nairobi.", [("141", "KEN", "KEN", "asserted")]),
    # a warning of what someone will face is a threat to them
    ("The Taliban warned that Pakistan would face consequences beyond its control.",
     [("130", "AFG", "PAK", "asserted")]),
    # concern about someone's conduct is criticism of them
    ("The Swiss foreign minister raised concerns about Iran's treatment of protesters.",
     [("111", "CHE", "IRN", "asserted")]),
    # crowd-control weapons turned on people: repression
    ("In Kosovo, police fired tear gas at Serb residents.", [("175", "XKX", "SRB", "asserted")]),
    # a visitor greeted on arrival is received by the host; committing a violation is no commitment (saying
    # someone committed one criticises them)
    ("The Kenyan president was greeted by Ethiopia's prime minister at the airport.",
     [("043", "ETH", "KEN", "asserted")]),
    ("Iraq said Turkish troops had committed a violation of its sovereignty.", [("111", "IRQ", "TUR", "asserted")]),
    # nominal events whose phrase names the actor: possessive, agent "by", "of" the troops
    ("A visit by the Chinese foreign minister to Pakistan was announced on Monday.",
     [("042", "CHN", "PAK", "asserted")]),
    ("The signing of the accord by Israel and the UAE took place in Washington.",
     [("057", "ISR", "ARE", "asserted")]),
    ("Iran's condemnation of the Israeli raid was swift.", [("111", "IRN", "ISR", "asserted")]),
    ("Russia's veto of the resolution angered Ukraine.", [("129", "RUS", None, "asserted")]),
    ("The withdrawal of Russian troops from Georgia was completed in 2008.", [("087", "RUS", "GEO", "asserted")]),
    ("The Treasury Department sanctioned three Iranian officials on Tuesday.", [("163", "USA", "IRN", "asserted")]),
    # "is willing (ready) to" states an intention, refined by what is intended
    ("Egypt is ready to send food aid to Sudan.", [("033", "EGY", "SDN", "asserted")]),
    # a denial answers the accusation before it: its accuser is the target
    ("Kenya accused Uganda of arming the rebels. Uganda denied the charge.",
     [("112", "KEN", "UGA", "asserted"), ("016", "UGA", "KEN", "asserted")]),
    # tariffs on a state's goods target that state
    ("China slapped heavy duties on Australian wine in 2020.", [("163", "CHN", "AUS", "asserted")]),
    # a judgement of someone's act is a criticism of them
    ("The South Korean president said North Korea's launch was a clear violation of UN resolutions.",
     [("111", "KOR", "PRK", "asserted")]),
    ("Chile described Bolivia's decision as reckless.", [("111", "CHL", "BOL", "asserted")]),
    # undoing an earlier act: its other party is the target
    ("China slapped duties on Australian wine in 2020. Beijing dropped those duties in 2024.",
     [("163", "CHN", "AUS", "asserted"), ("085", "CHN", "AUS", "asserted")]),
    # background and modifier nouns are not events of their own
    ("Greece closed its border with Turkey because of fighting between Armenia and Azerbaijan.",
     [("163", "GRC", "TUR", "asserted")]),  # the closure, not the fighting behind it
    ("India and France launched war games off the coast of Goa.", [("062", "IND", "FRA", "asserted")]),
    # groups placed by a country
    ("Rebels in Chad attacked a convoy of Sudanese troops.", [("190", "TCD", "SDN", "asserted")]),
    ("The Kurds of northern Iraq demanded autonomy from Baghdad.", [("1043", "IRQ", "IRQ", "asserted")]),
    # "of" names the target of an invasion or bombardment; "opposed to" in the passive form
    ("Ethiopian troops launched an invasion of Somalia in December.", [("190", "ETH", "SOM", "asserted")]),
    ("Pakistan has been opposed to Indian mediation for years.", [("126", "PAK", "IND", "asserted")]),
    # dismissing a proposal rejects it; accepting or bowing to demands yields to whoever made them
    ("Houthi rebels dismissed a proposal from Saudi Arabia for a ceasefire.", [("127", "YEM", "SAU", "asserted")]),
    ("China dismissed the accusations by the United States.", [("110", "CHN", "USA", "asserted")]),
    ("Mali caved in to demands from Algeria.", [("080", "MLI", "DZA", "asserted")]),
    ("The Serbian government accepted the demands of the European Union.", [("080", "SRB", "EU", "asserted")]),
    ("Kyrgyzstan bowed to demands from Russia for a new air base.", [("080", "KGZ", "RUS", "asserted")]),
    # a welcome given is hosting; preventing a demonstration restricts the freedom of assembly at home
    ("President Macron gave a warm welcome to the Nigerian president.", [("043", "FRA", "NGA", "asserted")]),
    ("Egyptian police prevented a demonstration by students in Cairo.", [("1721", "EGY", "EGY", "asserted")]),
    # calling off or ending a protest is a concession, not a protest; ending a boycott of a state eases it
    ("Kenyan doctors called off their strike.", [("080", "KEN", "KEN", "asserted")]),
    ("Saudi Arabia ended its boycott of Qatar.", [("085", "SAU", "QAT", "asserted")]),
    # admitting inspectors or peacekeepers allows international involvement; an envoy received is a host's visit
    ("Iran received a team of IAEA inspectors.", [("0862", "IRN", "IAEA", "asserted")]),
    ("Mali accepted UN peacekeepers.", [("0861", "MLI", "UN", "asserted")]),
    # a crowd gathering for a demonstration demonstrates
    ("Hundreds of Kenyans gathered for a demonstration outside parliament.", [("141", "KEN", "KEN", "asserted")]),
    # riots staged, riots against someone; workers downing tools strike
    ("Kenyan students staged riots in Nairobi.", [("145", "KEN", "KEN", "asserted")]),
    ("Palestinian riots against Israel continued.", [("145", "PSE", "ISR", "asserted")]),
    ("South African miners downed tools over pay.", [("143", "ZAF", "ZAF", "asserted")]),
    ("Farmers in Poland blocked a border crossing with Ukraine.", [("144", "POL", "UKR", "asserted")]),
    # insisting on demands is demanding; the FDD is Burundi's (former) Hutu rebel movement
    ("Kenya insisted on its demands that Somalia hand over the suspects.", [("100", "KEN", "SOM", "asserted")]),
    ("Rebels of the FDD insisted on their demands that the Burundian government release prisoners.",
     [("1053", "BDI", "BDI", "asserted")]),
    # nothing to code: a statement without an addressee, an object that is not an actor
    ("Iran said the talks were useful.", []),
    ("Russia criticized the decision.", []),
]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(pipeline: Pipeline, sentence: str, expected: list[Expected]) -> None:
    assert coded(pipeline, sentence) == sorted(expected, key=str)
    for e in events_of(pipeline, sentence):
        assert e.evidence.pattern and 0.0 < e.confidence <= 1.0


def test_attribution_of_a_reported_event(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Iranian media reported that Russia had delivered drones to Syria.")
    assert [(e.cameo, e.modality) for e in events] == [("072", "claimed")]
    assert events[0].attribution is not None and events[0].attribution.country == "IRN"
