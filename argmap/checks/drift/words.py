"""The word lists of the paraphrase-drift check (:mod:`argmap.checks.drift.paraphrase`): hedges, modals, negations, names."""

from __future__ import annotations

__all__ = ["ABILITY", "ALIASES", "HEDGES", "MONTHS", "NEGATION", "NUMBER_WORDS", "PHRASE_NAMES", "SMALL", "WILL"]

# Families of hedges and modals: a word of a family stands in for any other of it.
HEDGES: dict[str, tuple[str, ...]] = {
    "possibility": ("may", "might", "could", "possibly", "perhaps", "maybe", "potentially", "possible", "risk is", "risk that"),
    "likelihood": ("likely", "unlikely", "probably", "probable", "presumably", "arguably"),
    "appearance": ("seem", "seems", "seemed", "seemingly", "appear", "appears", "appeared", "apparent",
                   "apparently", "reportedly", "allegedly", "supposedly", "ostensibly", "suggest", "suggests"),
    "condition": ("if", "whether", "unless", "would", "should"),
    "form": ("on paper", "in theory", "theoretically", "nominally", "so-called", "symbolic", "symbolically",
             "tacit", "tacitly", "formal", "formally", "rhetorical", "rhetorically"),
    "degree": ("almost", "nearly", "some", "partly", "partially", "in part", "somewhat", "largely", "mostly",
               "relatively"),
}
ABILITY = ("can", "able", "unable", "capable", "incapable", "ability", "capacity")
WILL = ("will", "willing", "unwilling", "refuse", "refuses", "refused", "shall")
NEGATION = ("not", "n't", "no", "never", "without", "neither", "nor", "none", "nothing", "nobody", "nowhere",
             "fail", "fails", "failed", "rather than", "instead of", "lack", "lacks", "lacking", "unable", "impunity", "inert",
             "absent", "absence", "unwilling", "refuse", "refuses", "refused")
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
SMALL = frozenset({"the", "a", "an", "of", "and", "in", "on", "to", "for", "by", "at", "with", "from", "or"})
PHRASE_NAMES = (("islamic republic", "iran"), ("united states", "united states"), ("united nations", "un"),
                 ("security council", "un"), ("european union", "european union"))
