"""Which pupils a message is about.

Not every name is a pupil: the teacher addressed ("juf Fien"), the parent who signs
("groetjes, Sarah"), a sibling who does come ("Mila gaat wel naar school"). A name is
resolved by what the parent adds: the surname (with or without its particles), the class,
a brother or sister named with it, the teacher addressed (her classes), the parent who signs
(a guardian of the child). What stays ambiguous is offered as candidates, never guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import DamerauLevenshtein

from kiosk.domain.models import Pupil, Staff
from kiosk.domain.sms import lexicon
from kiosk.domain.sms.message import Message, Word
from kiosk.domain.text import fold

_CLASS = re.compile(r"^[kl]?\d[a-z]?$")
_LEVEL_WORDS = {"eerste": 1, "1ste": 1, "1e": 1, "tweede": 2, "2de": 2, "2e": 2, "derde": 3, "3de": 3, "3e": 3,
                "vierde": 4, "4de": 4, "4e": 4, "vijfde": 5, "5de": 5, "5e": 5, "zesde": 6, "6de": 6, "6e": 6}


def _surname_words(last_name: str) -> tuple[str, ...]:
    """The words of a surname that identify it: "Van de Hazelakker" → ("hazelakker",);
    a joined one ("Vandenhazelkouter") stays whole."""
    words = fold(last_name).replace("-", " ").split()
    core = tuple(w for w in words if w not in lexicon.PARTICLES)
    return core or tuple(words)


def _first_name(name: str) -> str:
    return fold(name.split()[0]) if name.split() else ""


@dataclass
class School:
    """The pupils and staff, indexed once for reading many messages."""

    pupils: Sequence[Pupil]
    staff: Sequence[Staff] = ()
    by_first: dict[str, list[Pupil]] = field(init=False)
    by_guardian_first: dict[str, list[Pupil]] = field(init=False)
    surnames: dict[str, tuple[str, ...]] = field(init=False)
    families: dict[str, frozenset[str]] = field(init=False)
    teacher_classes: dict[str, set[str]] = field(init=False)

    def __post_init__(self) -> None:
        self.by_first, self.by_guardian_first, self.surnames, self.families = {}, {}, {}, {}
        for pupil in self.pupils:
            self.by_first.setdefault(fold(pupil.first_name), []).append(pupil)
            self.surnames[pupil.id] = _surname_words(pupil.last_name)
            self.families[pupil.id] = frozenset(g.family_key for g in pupil.guardians)
            for guardian in pupil.guardians:
                self.by_guardian_first.setdefault(_first_name(guardian.name), []).append(pupil)
        self.teacher_classes = {}
        for member in self.staff:
            if member.classes:
                self.teacher_classes.setdefault(_first_name(member.name), set()).update(member.classes)

    def siblings(self, a: Pupil, b: Pupil) -> bool:
        return bool(self.families[a.id] & self.families[b.id])

    def fuzzy_firsts(self, word: str) -> list[str]:
        """First names one typo away ("Lote" for Lotte or Lore, "Emiel" for Émile)."""
        if len(word) < 4:
            return []
        return [n for n in self.by_first if abs(len(n) - len(word)) <= 1
                and DamerauLevenshtein.distance(n, word, score_cutoff=1) <= 1]


@dataclass
class Mention:
    word: Word
    first: str
    candidates: list[Pupil]
    fuzzy: bool = False
    surname_given: bool = False


@dataclass
class People:
    pupils: list[Pupil] = field(default_factory=list)
    candidates: list[Pupil] = field(default_factory=list)
    doubtful: bool = False
    signature_first: str = ""
    """The first name the parent signed with (for families: "de kinderen")."""


def _signature_start(words: list[Word], school: School) -> int:
    """Index of the first word of the sender's signature (len(words) when none): what follows
    the last sign-off ("groetjes", "thanks for your understanding,"), or a last clause of
    capitalised names ("… thuis. Kobe en Noor")."""
    for word in reversed(words[1:]):
        after = [w for w in words[word.index + 1:] if not w.in_brackets]
        if len(after) > 5:
            break
        if word.folded in lexicon.SIGN_OFFS:
            return word.index + 1
    if not words:
        return 0
    tail = _last_clause(words)
    lower_case = not any(w.capitalised for w in words)  # a parent who writes no capitals at all
    if 1 <= len(tail) <= 5 and tail[0].index > 0 and any(w.folded in school.by_guardian_first for w in tail) and \
            all(w.capitalised or lower_case or w.folded in lexicon.KINSHIP | _AND | lexicon.PARTICLES for w in tail):
        return tail[0].index  # "… om 9u05. Arthur Van de Hazelakker", "… ongeveer. fien"
    return len(words)


_AND = frozenset({"en", "et", "and", "&"})
_POSSESSIVES = frozenset({"haar", "zijn", "hun", "mijn", "onze", "ons", "her", "his", "my", "our", "sa", "son"})
_OF = ("van", "of", "de", "d")  # "de mama van Noor", "the mum of Nora", "la maman de Noé"


def _last_clause(words: list[Word]) -> list[Word]:
    """The words after the last sentence end or comma (not counting words in brackets)."""
    plain = [w for w in words if not w.in_brackets]
    tail: list[Word] = []
    for word in reversed(plain):
        tail.insert(0, word)
        if word.index == 0 or word.sentence != words[word.index - 1].sentence or "," in word.gap:
            break
    return tail


def _signers(words: list[Word], signature: int, school: School) -> tuple[list[str], str]:
    """(first names of the guardians who signed, the rest of what they signed as a surname)."""
    signed = [w for w in words[signature:] if not w.in_brackets and w.folded not in lexicon.KINSHIP
              and w.folded not in _AND and (w.capitalised or w.folded in school.by_guardian_first)]
    firsts = [w.folded for w in signed if w.folded in school.by_guardian_first]
    rest = [w.folded for w in signed if w.folded not in school.by_guardian_first]
    if not firsts and signed:
        firsts, rest = [signed[0].folded], [w.folded for w in signed[1:]]
    return firsts, " ".join(rest)


def _kin_reference(words: list[Word], index: int) -> bool:
    """"mama van Noah", "papa van Lars en Wout", "dad of Nora": the name is the child."""
    before = [w.folded for w in words[max(0, index - 5):index]]
    for position in range(len(before) - 1, -1, -1):
        if before[position] in lexicon.KINSHIP:
            between = before[position + 1:]
            if between[:1] and between[0] in _OF:
                between = between[1:]
            return len(between) <= 3 and all(w in _AND or w[:1].isalpha() for w in between)
    return False


def _relative(words: list[Word], index: int) -> bool:
    """"Lotte, de zus van Vic": Vic is how the parent points at Lotte, not a pupil absent;
    "via de boekentas van haar zus Nora": Nora is the sister (not: "Lotte en haar zus Nora")."""
    before = [w.folded for w in words[max(0, index - 4):index]]
    if len(before) >= 2 and before[-1] in ("van", "of") and before[-2] in lexicon.RELATIVES:
        return True
    return bool(before) and before[-1] in lexicon.RELATIVES and not _AND & set(before[:-1]) and \
        "," not in words[index].gap


def _not_a_pupil(words: list[Word], index: int) -> bool:
    """A parent named as one ("haar papa Ibrahim"), the sender introducing herself ("this is
    Ella, Julie's mum"), or another family's child ("mee met de mama van Seppe")."""
    before = [w.folded for w in words[max(0, index - 4):index]]
    if len(before) >= 2 and before[-1] in lexicon.KINSHIP and before[-2] in _POSSESSIVES:
        return True  # not "vandaag haalt oma Zeno op": there Zeno is the child
    if index <= 4 and " ".join(before[-2:]) in ("this is", "c'est", "hier is", "ici", "met"):
        return True
    kin = next((i for i in range(len(before) - 1, -1, -1) if before[i] in lexicon.KINSHIP), None)
    if kin is None or kin < 2 or before[kin - 1] not in ("de", "the", "la", "le") or \
            before[kin - 2] not in ("met", "door", "bij", "with", "avec", "chez", "by"):
        return False
    # "met de papa Jonas", "met de mama van Noor"; not "met de mama. Noor is ziek", "bij de oma, Noor"
    span = words[index - len(before) + kin:index + 1]  # from the kin word to the name
    return before[kin + 1:] in ([], *([w] for w in _OF)) and \
        all(w.sentence == span[0].sentence and "," not in w.gap for w in span[1:])


def _comes_anyway(words: list[Word], index: int) -> bool:
    """"Mila gaat wel naar school", "Vic komt wel.", "Émile will come to school as usual"
    (not: "is er vandaag wel op school maar morgen niet": then a day is missed after all;
    not: "komt morgen terug naar school": that is the absent child coming back)."""
    after: list[str] = []
    for word in words[index + 1:index + 12]:
        pronoun_next = word.folded in ("hij", "zij", "ze", "he", "she", "il", "elle") and len(after) <= 3
        if word.sentence != words[index].sentence or ("," in word.gap and not pronoun_next):
            break  # "… aan Lars mee, hij komt wel naar school": still about Lars
        after.append(word.folded)
    if set(after) & _NOT_COMING:
        return False
    marker = next((i for i, w in enumerate(after) if w in ("wel", "gewoon", "usual", "normally", "normalement")),
                  None)
    if not set(after[:3] if marker is None else after[:marker]) & _COMING:
        return False
    if marker is not None:
        rest = after[marker + 1:marker + 4]
        return not rest or "school" in rest or rest[0] in ("met", "mee", "naar", "op")
    if "mee" in after and any(w.startswith(("buur", "buren")) for w in after):
        return True  # "Olivia gaat mee met de buurvrouw"
    return "school" in after or "ecole" in after or "l'ecole" in after


_COMING = frozenset({"gaat", "komt", "gaan", "komen", "will", "comes", "goes", "is", "vient", "viendra", "va"})
_NOT_COMING = frozenset({"niet", "not", "pas", "n't", "won't", "maar", "but", "mais", "terug", "back", "weer",
                         "retour", "thuis", "home", "ziek", "sick", "malade", "later", "laat", "late", "retard",
                         "om", "at", "vers", "rond", "niets"})


def _class_filter(words: list[Word], index: int) -> tuple[str, int] | None:
    """A class or a level near a name: ("3A" | "L4B" | "K2B", 0) or ("", level)."""
    near = words[max(0, index - 2):index + 8]
    for position, word in enumerate(near):
        if word.folded in _LEVEL_WORDS and any(w.folded in ("leerjaar", "jaar", "klas") for w in near[position:]):
            return "", _LEVEL_WORDS[word.folded]  # before a class: "2e leerjaar" is no class 2E
        if _CLASS.match(word.folded) and any(ch.isdigit() for ch in word.folded) and len(word.folded) >= 2:
            return word.folded.upper(), 0
        if word.folded in ("derde", "vierde", "vijfde", "zesde", "tweede", "eerste") and position > 0 and \
                near[position - 1].folded == "het":
            return "", _LEVEL_WORDS[word.folded]
    return None


def _in_class(pupil: Pupil, wanted: tuple[str, int]) -> bool:
    name, level = wanted
    klass = pupil.class_name.upper()
    if name:
        return klass == name or (len(name) >= 2 and name[0].isdigit() and klass.endswith(name))
    return bool(re.match(rf"^L?{level}[A-Z]?$", klass))


def _surname_matches(school: School, pupil: Pupil, following: list[str]) -> bool:
    core = school.surnames[pupil.id]
    if not core:
        return False
    joined = "".join(following)
    if all(any(w == c or (len(c) >= 6 and DamerauLevenshtein.distance(w, c, score_cutoff=1) <= 1)
               for w in following) for c in core):
        return True
    return "".join(core) in joined or fold(pupil.last_name).replace(" ", "") in joined


def _following_words(words: list[Word], index: int) -> list[str]:
    """The words after a first name that may be its surname (until the next non-name word)."""
    out: list[str] = []
    for word in words[index + 1:index + 6]:
        if word.folded in ("en", "et", "and", "is", "zijn", "uit", "van", "heeft", "blijft", "komt") and out:
            break
        out.append(word.folded)
    return out


def _family_of(school: School, pupils: Iterable[Pupil]) -> list[list[Pupil]]:
    """Groups of pupils that share a guardian."""
    groups: list[list[Pupil]] = []
    for pupil in pupils:
        for group in groups:
            if any(school.siblings(pupil, other) for other in group):
                group.append(pupil)
                break
        else:
            groups.append([pupil])
    return groups


def find_people(message: Message, school: School) -> People:
    words = message.words
    signature = _signature_start(words, school)
    signers, signature_last = _signers(words, signature, school)
    signature_first = signers[0] if signers else ""
    teacher_classes: set[str] = set()
    mentions: list[Mention] = []
    skip: set[int] = set()
    for word in words:
        following = words[word.index + 1] if word.index + 1 < len(words) else None
        if word.folded in lexicon.STAFF_TITLES and following and "," not in following.gap and \
                following.sentence == word.sentence:  # not "goedemorgen juf. Oksana is ziek"
            teacher_classes |= school.teacher_classes.get(following.folded, set())
            skip.add(following.index)
    anyway: list[Mention] = []
    relatives: list[Mention] = []
    referenced: list[Mention] = []
    set_aside = False
    """A name left out by a rule that reads the sentence around it: staff confirm."""
    for word in words:
        in_signature = word.index >= signature
        if word.index in skip or (in_signature and not _kin_reference(words, word.index)):
            continue
        firsts, fuzzy = [_known_spelling(word.folded, school)], False
        if firsts[0] not in school.by_first:
            # a typo in a name the parent capitalised (not merely the first word of a sentence)
            firsts, fuzzy = (school.fuzzy_firsts(word.folded) if word.capitalised else []), True
        if not firsts:
            continue
        mention = _resolve(word, firsts, fuzzy, words, school)
        if mention is None:
            continue
        if in_signature:
            referenced.append(mention)  # "groetjes Hanne (mama van Louise en Mateusz)"
        elif _not_a_pupil(words, word.index):
            set_aside = True
        elif _relative(words, word.index):
            relatives.append(mention)
            set_aside = True
        elif _comes_anyway(words, word.index):
            anyway.append(mention)
        else:
            mentions.append(mention)
    # "X komt gewoon naar school" is still about X when alone; the children a parent signs
    # for are the ones the message is about only when it names no other
    mentions = mentions or anyway or referenced
    if mentions is not referenced:
        _same_child(mentions, referenced)
        relatives += referenced
    _share_surnames(mentions, words, school)
    people = _decide(mentions, school, teacher_classes, signers, signature_last, relatives)
    people.signature_first = signature_first
    people.doubtful |= set_aside
    if not mentions:
        family = _children(message, words, school, signature_first, signature_last, signature)
        if family is not None:
            return family
    return people


def _same_child(mentions: list[Mention], referenced: list[Mention]) -> None:
    """"ons Lotte is ziek … mama van Lotte uit L3A": the Lotte signed for is the Lotte meant."""
    for mention in mentions:
        for reference in referenced:
            both = [p for p in mention.candidates if p in reference.candidates]
            if reference.first == mention.first and both:
                mention.candidates = both


def _known_spelling(word: str, school: School) -> str:
    """"Ellaaa" is Ella: letters a parent repeated for effect, when that makes a known name."""
    for collapsed in (re.sub(r"(\w)\1{2,}", r"\1\1", word), re.sub(r"(\w)\1{2,}", r"\1", word)):
        if collapsed != word and collapsed in school.by_first:
            return collapsed
    return word


def _resolve(word: Word, firsts: list[str], fuzzy: bool, words: list[Word], school: School) -> Mention | None:
    candidates = [p for first in firsts for p in school.by_first[first] if p.active]
    following = _following_words(words, word.index)
    named = [p for p in candidates if _surname_matches(school, p, following)]
    sentence_start = word.index == 0 or words[word.index - 1].sentence != word.sentence
    if fuzzy and not named and (len(firsts) > 1 or sentence_start):
        return None  # "Lote": Lotte or Lore? "Elle" at the start of a sentence? Only a surname tells
    mention = Mention(word, firsts[0], named or candidates, fuzzy, surname_given=bool(named))
    wanted = _class_filter(words, word.index)
    if wanted is not None:
        in_class = [p for p in mention.candidates if _in_class(p, wanted)]
        if in_class:
            mention.candidates = in_class
    return mention


def _share_surnames(mentions: list[Mention], words: list[Word], school: School) -> None:
    """"Lore en Seppe Verhommelwijk": the surname after the last name belongs to both."""
    for first, second in itertools.pairwise(mentions):
        between = [w.folded for w in words[first.word.index + 1:second.word.index]]
        if second.surname_given and not first.surname_given and between in (["en"], ["et"], ["and"], ["&"]):
            surname = school.surnames[second.candidates[0].id]
            same = [p for p in first.candidates if school.surnames[p.id] == surname]
            if same:
                first.candidates, first.surname_given = same, True


def _signed_families(school: School, signers: list[str], signature_last: str) -> set[str]:
    """Pupils with a guardian who signed; when two signed ("Emma en Milan"), those with both."""
    scores: dict[str, int] = {}
    for first in set(signers):
        for pupil_id in {p.id for p in school.by_guardian_first.get(first, [])
                         if _signed_surname(p, signature_last)}:
            scores[pupil_id] = scores.get(pupil_id, 0) + 1
    best = max(scores.values(), default=0)
    return {pupil_id for pupil_id, score in scores.items() if score == best}


def _signed_surname(pupil: Pupil, signature_last: str) -> bool:
    """"Milan Van de Lijsterwijk", "Milan Lijsterwijk": the words of the signed surname are
    in a guardian's name (particles may be left out)."""
    wanted = [w for w in signature_last.split() if w not in lexicon.PARTICLES]
    return any(all(w in fold(g.name).split() for w in wanted) for g in pupil.guardians)


def _decide(mentions: list[Mention], school: School, teacher_classes: set[str], signers: list[str],
            signature_last: str, relatives: list[Mention]) -> People:
    signed_families = _signed_families(school, signers, signature_last)
    for mention in mentions + relatives:
        if len(mention.candidates) > 1 and teacher_classes and mention in mentions:
            taught = [p for p in mention.candidates if p.class_name in teacher_classes]
            mention.candidates = taught or mention.candidates
        if len(mention.candidates) > 1 and signed_families:
            signed = [p for p in mention.candidates if p.id in signed_families]
            mention.candidates = signed or mention.candidates
    resolved = [m.candidates[0] for m in mentions + relatives if len(m.candidates) == 1]
    for mention in mentions:  # brothers and sisters named together
        if len(mention.candidates) > 1 and resolved:
            related = [p for p in mention.candidates if any(school.siblings(p, r) for r in resolved)]
            mention.candidates = related or mention.candidates
    ambiguous = [m for m in mentions if len(m.candidates) > 1]
    if len(ambiguous) > 1:
        _one_family(ambiguous, school)
    people = People()
    for mention in mentions:
        if len(mention.candidates) == 1:
            if mention.candidates[0] not in people.pupils:
                people.pupils.append(mention.candidates[0])
            people.doubtful |= mention.fuzzy and not mention.surname_given
        else:
            people.candidates += [p for p in mention.candidates if p not in people.candidates]
    if people.candidates or not people.pupils:
        people.doubtful = True
    people.candidates.sort(key=lambda p: (p.class_name, fold(p.last_name), fold(p.first_name)))  # as on a list
    return people


def _one_family(mentions: list[Mention], school: School) -> None:
    """Several ambiguous names: the one family that has all of them, when there is one."""
    options: list[list[Pupil]] = []
    for first in mentions[0].candidates:
        choice = [first]
        for mention in mentions[1:]:
            related = [p for p in mention.candidates if school.siblings(p, first)]
            if len(related) != 1:
                break
            choice.append(related[0])
        else:
            options.append(choice)
    if len(options) == 1:
        for mention, pupil in zip(mentions, options[0], strict=True):
            mention.candidates = [pupil]


def _children(message: Message, words: list[Word], school: School, signature_first: str, signature_last: str,
              signature: int) -> People | None:
    """"de (drie) kinderen (Van de Hazelakker)", "les enfants": a whole family."""
    positions = [w.index for w in words if w.folded in lexicon.CHILDREN and w.index < signature]
    if not positions:
        return None
    after = [w.folded for w in words[positions[0] + 1:positions[0] + 5]]
    count = next((lexicon.COUNTS[w.folded] for w in words[max(0, positions[0] - 3):positions[0]]
                  if w.folded in lexicon.COUNTS), 0)
    named = [p for p in school.pupils if p.active and _surname_matches(school, p, after)]
    if not named and signature_first:
        named = [p for p in school.by_guardian_first.get(signature_first, []) if p.active and (
            not signature_last or signature_last.split()[-1] in fold(" ".join(g.name for g in p.guardians)))]
    families = [group for group in _family_of(school, named) if not count or len(group) == count]
    if len(families) == 1 and len(families[0]) > 1:
        return People(pupils=families[0], signature_first=signature_first)
    return People(candidates=[p for group in families for p in group], doubtful=True,
                  signature_first=signature_first) if families else None
