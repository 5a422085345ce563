"""The word lists of the paraphrase-drift check (:mod:`argmap.checks.drift.paraphrase`): hedges, modals, negations, names."""

from __future__ import annotations

__all__ = ["ABILITY", "ABILITY_LIKE", "ALIASES", "COMMON_CAPS", "HEDGES", "LESSER", "MONTHS", "NEAR_NONE", "NEAR_NONE_LEAD",
           "NEGATION", "NUMBER_VALUES", "NUMBER_WORDS", "PHRASE_NAMES", "SMALL", "WILL"]

# Words that say "almost none" (*hardly anyone*, *almost nobody*, *very few*) are one hedge: a paraphrase may
# say it with any of them.  :func:`argmap.checks.drift.paraphrase.find_drift` joins such a pair of words into one token
# (``almost_nobody``), so that neither *almost* (a degree) nor *nobody* (a negation) is counted alone.
NEAR_NONE_LEAD = {"almost": ("no", "nobody", "none", "nothing", "never", "nowhere"),
                  "nearly": ("no", "nobody", "none", "nothing", "never", "nowhere"),
                  "virtually": ("no", "nobody", "none", "nothing", "never", "nowhere"),
                  "hardly": ("any", "anyone", "anybody", "anything", "ever", "anywhere"),
                  "scarcely": ("any", "anyone", "anybody", "anything", "ever", "anywhere"),
                  "barely": ("any", "anyone", "anybody", "anything", "ever", "anywhere"),
                  "very": ("few", "little"),
                  "even": ("if", "though")}
"""The first word of each two-word unit, and the words that may follow it (``even if`` is a concession)."""
NEAR_NONE = ("hardly", "scarcely", "barely", *(f"{a}_{b}" for a, bs in NEAR_NONE_LEAD.items() if a != "even"
                                                for b in bs))

# Families of hedges and modals: a word of a family stands in for any other of it.  Possibility and condition
# are one family: a modal inside an if-clause is part of the condition (*if ... you could take the pill*), and
# *would*, *could* and *might* say the same hypothesis with or without an *if*.
HEDGES: dict[str, tuple[str, ...]] = {
    "possibility": ("may", "might", "could", "would", "possibly", "perhaps", "maybe", "potentially", "potential",
                    "possible", "risk is", "risk that", "danger is", "danger that", "danger here is",
                    "if", "whether", "unless", "were to"),
    "obligation": ("should", "ought", "desirable", "is to be", "are to be", "is not to be", "are not to be",
                   "in favour of", "in favor of"),
    "frequency": ("often", "frequently", "sometimes", "usually", "generally", "typically", "occasionally", "rarely",
                  "seldom", "in many cases", "in most cases", "in some cases", "in individual cases"),
    "concession": ("even_if", "even_though", "although"),
    "likelihood": ("likely", "unlikely", "probably", "probable", "presumably", "arguably"),
    "appearance": ("seem", "seems", "seemed", "seemingly", "appear", "appears", "appeared", "apparent",
                   "apparently", "reportedly", "allegedly", "supposedly", "ostensibly", "suggest", "suggests"),
    "form": ("on paper", "in theory", "theoretically", "nominally", "so-called", "symbolic", "symbolically",
             "tacit", "tacitly", "formal", "formally", "rhetorical", "rhetorically"),
    "degree": ("almost", "nearly", "some", "partly", "partially", "in part", "somewhat", "largely", "mostly",
               "relatively", "slightly", "a bit", "a little"),
    "near-none": NEAR_NONE,
}
ABILITY = ("can", "able", "unable", "capable", "incapable", "ability", "capacity")
ABILITY_LIKE = ("possible", "possibility", "in a position to", "let", "lets", "allow", "allows", "allowed", "enable",
                "enables", "permit", "permits")
"""Words that say what can be without an ability modal (and words in *-able*, *-ible*): they never make drift,
but a paraphrase that says *can* for them (or the reverse) keeps the modality."""
LESSER = ("less", "fewer", "smaller", "lower")
"""Comparatives that say *not as ... as* without a negation."""
WILL = ("will", "willing", "unwilling", "refuse", "refuses", "refused", "shall")
NEGATION = ("not", "n't", "no", "never", "without", "neither", "nor", "none", "nothing", "nobody", "nowhere",
             "fail", "fails", "failed", "rather than", "instead of", "lack", "lacks", "lacking", "unable", "impunity", "inert",
             "absent", "absence", "unwilling", "refuse", "refuses", "refused", "missing", "short of", "unknown")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
                 "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
                 "percent", "twice")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
# A capital, a seat of government or a long form names its country (metonymy, not drift).
ALIASES = {
    "moscow": "russia", "kremlin": "russia", "tehran": "iran", "islamic republic": "iran", "beijing": "china",
    "kyiv": "ukraine", "kiev": "ukraine", "washington": "united states", "us": "united states",
    "america": "united states", "american": "united states", "jerusalem": "israel", "damascus": "syria",
    "ankara": "turkey", "riyadh": "saudi arabia", "london": "united kingdom", "uk": "united kingdom",
    "britain": "united kingdom", "british": "united kingdom", "brussels": "european union", "eu": "european union",
}
COMMON_CAPS = ("tv", "pc", "dvd", "cd", "ok", "etc", "vs")
"""Capitalised abbreviations that name no one."""
NUMBER_VALUES = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                 "nine": "9", "ten": "10", "dozen": "12"}
SMALL = frozenset({"the", "a", "an", "of", "and", "in", "on", "to", "for", "by", "at", "with", "from", "or"})
PHRASE_NAMES = (("islamic republic", "iran"), ("united states", "united states"), ("united nations", "un"),
                 ("security council", "un"), ("european union", "european union"))
