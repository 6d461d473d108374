"""The words parents use, as data: one table per thing the reader looks for.

All entries are folded (lower case, no accents) as the reader folds the message. Dutch as
written in Flanders first, then French and English. Each table is tested on its own
(tests/unit/test_sms_lexicon.py) and through the corpus (tests/data/sms_corpus.jsonl).
"""

from __future__ import annotations

import re

# -- rewriting before anything is read ------------------------------------------------------
# (pattern, replacement) on the folded text: greetings that contain a day word, spelling
# variants and abbreviations become one spelling, so the tables below stay short.
REWRITES: tuple[tuple[str, str], ...] = (
    (r"\b(goei?e|goede|goeie|goedemorgen|goeiemorgen|good|bon)\s*(morgen|morning|matin)\b", " groet "),
    (r"\bgoe(i|d)e?morgen\b", " groet "),
    (r"\bgoe(i|d)e?n?avond\b", " groet "),
    (r"\bt\s*/\s*m\b|\bt\.\s*e\.\s*m\.?|\btot\s+en\s+met\b|\btot\s*&\s*met\b|\btem\b", " tem "),
    (r"\bjusqu'?\s*a\b|\bjusqu'au\b", " tot "),
    (r"\b(1\s*/\s*2|een\s+halve|halve|half)\s+(dag|dagje|day)\b|\bdemi[- ]journee\b", " halvedag "),
    (r"\b\d\s*/\s*\d\s+(dag|dagje|day)\b", " deeldag "),  # "3/4 dag": part of a day, which part is unclear
    (r"^\s*(good\s+)?morning\b|^\s*morgen\b(?=\s*[!,]|\s+(juf|meester|mevrouw|meneer|allemaal)\b)", " groet "),
    (r"\bvdg\b|\bvndg\b|\bvandg\b|\bvandag\b", " vandaag "),
    (r"\bgn\b", " geen "),
    (r"^\W*(gm|gdmrgn|gmrgn|goeiemorgend|goeiemorge|joow|jow)\b", " groet "),
    (r"\btuus\b|\bthuus\b", " thuis "), (r"\bvandoage?\b|\bvandaoge?\b", " vandaag "),
    (r"\bni(e|et)?\s+goe\b", " niet goed "),
    (r"\bvanvoormiddag\b", " voormiddag "),
    (r"\bvd\b", " van de "),
    (r"\bnext\s+(?=(monday|tuesday|wednesday|thursday|friday)\b)", " "),
    (r"\bmrg\b|\bmorge\b|\bmoarn\b", " morgen "),
    (r"\bnie\b|\bni\b", " niet "),
    (r"\bvanochtend\b|\bvanmorgen\b|\bdeze\s+(ochtend|morgen)\b|'?s\s*morgens\b|\bthis\s+morning\b|\bce\s+matin\b",
     " voormiddag "),
    (r"\bvanmiddag\b|\bdeze\s+middag\b|'?s\s*middags\b|\bthis\s+afternoon\b|\bcet\s+apres[- ]midi\b", " namiddag "),
    (r"\bna\s+de\s+middag(pauze)?\b|\bna\s+het\s+middageten\b|\bafter\s+lunch\b|\bl'apres[- ]midi\b",
     " namiddagkomst "),
    (r"\bvoor\s*middag\b", " voormiddag "),
    (r"\bna\s*middag\b", " namiddag "),
    (r"\bover\s*morgen\b|\bapres[- ]demain\b|\bday\s+after\s+tomorrow\b", " overmorgen "),
    (r"\bvolgende\s+week\b|\bnext\s+week\b|\bla\s+semaine\s+prochaine\b", " volgendeweek "),
    (r"\b(deze|heel\s+de|de\s+hele|hele|heel\s+deze|rest\s+van\s+de|this|cette|toute\s+la)\s+(week|semaine)\b",
     " dezeweek "),
    (r"\btot\s+na\s+het\s+weekend\b|\buntil\s+after\s+the\s+weekend\b", " totnaweekend "),
    (r"\btot\s+(de|aan\s+de)\s+(kerst|herfst|krokus|paas)?vakantie\b", " totvakantie "),
    (r"\btot\s+(ze|hij|zij)\s+(terug\s+)?(beter|genezen)\s+is\b|\buntil\s+(she|he)\s+is\s+better\b",
     " totbeter "),
)

STAFF_TITLES = frozenset({"juf", "juffrouw", "juffie", "meester", "mr", "meneer", "mevrouw", "madame", "monsieur",
                          "miss", "mister", "teacher", "mme", "mevr", "directeur", "directrice"})
SIGN_OFFS = frozenset({"groetjes", "groeten", "groetje", "gr", "grtjs", "mvg", "vriendelijke", "dank", "dankje",
                       "dankjewel", "merci", "cordialement", "regards", "thanks", "thank", "bisous", "kusjes", "x",
                       "xx", "xxx", "bedankt", "sorry", "hartelijk"})
KINSHIP = frozenset({"mama", "papa", "mams", "paps", "moeder", "vader", "ouders", "oma", "opa", "meme", "pepe",
                     "maman", "mother", "father", "mum", "mom", "dad", "plusmama", "pluspapa", "parents", "papa's",
                     "mama's", "parent", "mere", "pere"})
GREETINGS = frozenset({"groet", "hallo", "hoi", "dag", "hey", "hi", "hello", "bonjour", "bonsoir", "beste", "lieve"})
PARTICLES = frozenset({"van", "de", "der", "den", "vanden", "vander", "ver", "le", "la", "du", "des", "d", "t"})
COUNTS = {"twee": 2, "beide": 2, "allebei": 2, "drie": 3, "vier": 4, "2": 2, "3": 3, "4": 4, "deux": 2, "trois": 3,
          "two": 2, "three": 3, "both": 2}
RELATIVES = frozenset({"zus", "zusje", "broer", "broertje", "zuster", "sister", "brother", "soeur", "frere"})
CHILDREN = frozenset({"kinderen", "kids", "enfants", "children", "kindjes", "jongens", "meisjes"})

# -- kinds of message -----------------------------------------------------------------------
# Each is a regular expression over the folded, rewritten text (words separated by spaces).
ABSENCE = (
    r"\b(is|zijn|was|waren|werd|word|wordt)\b[\w ]{0,25}\bziek\b",
    r"\bziek\b[\w ]{0,15}\b(vandaag|morgen|thuis)\b",
    r"\b(blijft|blijf|blijven|bleef|bleven)\b[\w ]{0,40}\bthuis\b", r"\bthuisblijven\b",
    r"\bthuis\b[\w ]{0,12}\bblijven\b",
    r"\bniet\b[\w ]{0,6}\b(naar|op)\s+school\b", r"\b(naar|op)\s+school\b[\w ]{0,20}\bniet\b",
    r"\ber\b[\w ]{0,45}\bniet\b", r"\bkomt\b[\w ]{0,20}\bniet\b", r"\bkan\b[\w ]{0,20}\bniet\s+komen\b",
    r"\bafwezig\b", r"\babsente?s?\b", r"\bne\s+viendr", r"\boff\s+school\b",
    r"\bne\s+(pourra|peut|pourront|peuvent|va|vont|sera|seront)\s+pas\s+(venir|aller|etre\s+a\s+l'?ecole)\b",
    r"\bwon'?t\s+be\b", r"\bwill\s+be\s+(off|absent|away)\b",
    r"\b(be|stay|stays|staying)\s+(at\s+)?home\b",
    r"\bvertrek(ken|t)?\b[\w ]{0,20}\b(\d{1,2}\b|maandag|dinsdag|woensdag|donderdag|vrijdag|morgen|overmorgen)",
    r"\b(is|are)\s+(sick|ill|unwell)\b", r"\bsont?\s+malades?\b",
    r"\brest(e|ent)\b[\w ]{0,15}\bmaison\b",
    r"\b(heeft|hebben)\b[\w ]{0,20}\b(koorts|griep|buikgriep|kroep|waterpokken|"
    r"oorontsteking|keelontsteking|migraine|diarree|bronchitis|hoofdpijn|buikpijn|keelpijn|oorpijn)\b",
    r"\b(has|have)\s+(a\s+)?(fever|flu|cold|temperature|pneumonia)\b", r"\bheeft\b[\w ]{0,10}\bovergegeven\b",
    r"\bmoet\b[\w ]{0,30}\b(rusten|thuisblijven)\b", r"\bgaat\b[\w ]{0,20}\bhalvedag\b",
    r"\b(weg|mee)\b[\w ]{0,10}\b(naar|op)\s+(reis|vakantie)\b", r"\bhele\s+dag\s+(weg|niet)\b",
    r"\bnamiddagkomst\b", r"\bvertrekken\b[\w ]{0,30}\b(vakantie|skivakantie|reis)\b",
    r"\b(haal|halen|ophalen|kom)\b[\w ]{0,30}\b1[123]\s*u", r"\b1[123]\s*u\d*\b[\w ]{0,15}\b(op|halen|ophalen)\b",
    r"\b(griep|koorts|ziek)\b[\w ]{0,20}\b(vandaag|morgen)\b",
    r"\b(vandaag|morgen|overmorgen|maandag|dinsdag|woensdag|donderdag|vrijdag)\s+(ook\s+)?niet\b(?!\s+met\b)",
)
APPOINTMENT = (  # away for part of the day or all of it: with an arrival time, a late arrival
    r"\b(gaat|gaan|moet|moeten|is|zijn)\b[\w ]{0,30}\b(naar|op)\s+(de|het|een)\s+(\w+\s+)?(tandarts|dokter|huisarts|"
    r"orthodontist|oogarts|kinesist|begrafenis|uitvaart|huwelijk|trouw|trouwfeest|rechtbank)\b",
    r"\b(heeft|hebben)\b[\w ]{0,20}\b(begrafenis|uitvaart|huwelijk|trouwfeest|bruiloft)\b",
    r"\b(begrafenis|uitvaart)\b[\w ]{0,30}\b(vandaag|morgen|maandag|dinsdag|woensdag|donderdag|vrijdag)\b",
)
LATE = (
    r"\b(komt|komen|is|zijn|zal|zullen|arriveert|arrivera|arriveren|va\s+arriver|will\s+be|be\s+there|'ll\s+be)\b"
    r"[\w ,]{0,40}\b(om|rond|tegen|vers|around|at|a)\s+(\d|half|kwart|acht|negen|tien|elf|twaalf)",
    r"\b(komt|komen|arriveert|arrivera)\b[\w ]{0,25}\b(kwart\s+(na|voor|over)|half\s+\w+|\d{1,2}\s*(u|h|uur)\b)",
    r"\bte\s+laat\b", r"\b(wat|iets|beetje|half\s+uurtje|uurtje|\d+\s*min(uten|uutjes)?)\s+later\b",
    r"\bbinnen\s+\d+\s*min", r"\bretard\b", r"\b(will\s+be|is|are)\s+late\b", r"\bfile\b",
    r"\bpas\s+om\b", r"\bkomt\s+(\w+\s+)?later\b", r"\blate\s+(today|this\s+morning)\b",
    r"\bwe\s+(come|arrive)\b[\w ]{0,10}\d", r"\b(kwart\s+(na|voor|over)|half)\s+\w+\s+(zijn|is|komen|komt)\b",
    r"\b(komt|komen)\b[\w ]{0,15}\bna\s+(de|het|haar|zijn)\s+(tandarts|dokter|kine|logo|huisarts|\w+arts)\b",
    r"\b(brengt?|zet|zetten)\b[\w ]{0,30}\bom\s+(\d|half|kwart)", r"\bwat\s+laat\b",
)
RETURN = (
    r"\b(terug|weer)\s+(beter|gezond|fit|op\s+de\s+been)\b", r"\bis\s+(weer\s+|terug\s+)?beter\b",
    r"\bgenezen\b", r"\b(is|zijn)\b[\w ]{0,25}\b(er|hier)\b[\w ]{0,15}\bterug\b",
    r"\bkomt\b[\w ]{0,25}\bterug\b", r"\bkomen\b[\w ]{0,25}\bterug\b", r"\bmag\b[\w ]{0,10}\bterug\b",
    r"\b(is|zijn)\s+er\s+weer\b", r"\b(is|zijn)\s+(hij|ze|zij)\s+(er\s+)?(weer|terug)\b",
    r"\bweer\s+naar\s+school\b", r"\bde\s+retour\b", r"\brevien", r"\bva\s+mieux\b",
    r"\bback\s+(at|to)\s+school\b", r"\b(is|be)\s+back\b", r"\bfeeling\s+(much\s+)?better\b",
    r"\bterug\b[\w ]{0,15}\b(vanaf)\b", r"\b(is|zijn)\s+(\w+\s+){0,2}terug\b(?!\s+(ziek|niet)\b)",
    r"\bterug\b[\w ]{0,20}\bmag\b", r"\bterug\s+(naar\s+|op\s+)?school\b", r"\bniet\s+meer\s+ziek\b",
)
NOT_ABSENT = (  # "Mila gaat wel naar school", "komt morgen gewoon naar school"
    r"\b(gaat|komt|is|zijn|gaan|komen)\b[\w ]{0,15}\b(wel|gewoon)\b[\w ]{0,15}\b(naar\s+school|op\s+school|er)\b",
)
OPEN_END = (  # the parent does not know yet how long: the last day is a guess
    r"\bmisschien\b", r"\bzien\s+we\s+(wel|nog)\b", r"\bzeker\s+nog\s+niet\b", r"\bweten\s+we\s+nog\s+niet\b",
    r"\bmaybe\b", r"\bperhaps\b", r"\bpeut[- ]etre\b", r"\bon\s+verra\b",
    r"\btot\s+(hij|ze|zij)\b", r"\buntil\s+(he|she)\b", r"\bjusqu'?a\s+ce\s+qu",  # "tot hij behandeld is"
)
THANKS = r"^\W*(bedankt|dank\s*(u|je)\s*wel|dankuwel|dankjewel|merci|thank)"
ITEMS = (  # something forgotten, brought or picked up: not about missing school
    r"\b(brooddoos|boekentas|turnzak|zwemgerief|jas|knuffel|huiswerk|bladzijde|bladzijden|drinkbus)\b",
    r"\bsecretariaat\b", r"\baan\s+de\s+poort\b",
)
UNDECIDED = (  # the parents have not decided yet
    r"\blaten\b[\w ]{0,20}\bweten\b", r"\bmisschien\b", r"\bnog\s+niet\s+zeker\b",
    r"\bof\b[\w ]{0,30}\bmee(gaat|komt)\b", r"\bmaybe\b", r"\bpeut[- ]etre\b",
)
OTHER = (  # what a message that is no absence is about: a new number, who fetches the child, wishes
    r"nummer\b", r"\bhaal(t|en)?\b[\w ]{0,40}\bop\b", r"\bophalen\b", r"\bopgehaald\b", r"\bopvang\b",
    r"\bverhui", r"\badres\b", r"\bagenda\b", r"\b(fijne|prettige|zalige)\b", r"\boudercontact\b",
    r"\bgewoon\s+naar\s+school\b", r"\bfiets\b",
)
QUESTION = r"\?|\b(mag|moet|kan|kunnen|is|welke|wanneer|wie|weet)\b[^.!]*\?"

# -- reasons (absence codes) -----------------------------------------------------------------
CERTIFICATE = (
    r"attest", r"\bdoktersbriefje", r"\bbriefje\s+van\s+de\s+(dokter|huisarts|arts)", r"\bmedisch\s+attest",
    r"\bcertificaat", r"\bcertificat\b", r"\bdoctor'?s?\s+(note|certificate)", r"\bmedical\s+certificate",
    r"\b(huisarts|dokter|arts)\s+verklaart", r"\bdoktersverklaring", r"\bverklaring\s+van\s+de\s+(dokter|arts)",
)
JUSTIFIED = (
    r"\bbegrafenis", r"\buitvaart", r"\boverleden\b", r"\boverlijden", r"\bfuneral", r"\bfunerailles",
    r"\benterrement", r"\btrouw(t|en|feest)?\b", r"\bbruiloft", r"\bborn\b", r"\bnaissance\b", r"\bonderzoek\b",
    r"\borthodox", r"\b(long|kinder|oog|hart|huid|keel|neus|oor|kno)arts\b",
    r"\bhuwelijk", r"\bwedding", r"\bmariage", r"\bgeboren\b",
    r"\bgeboorte", r"\brechtbank", r"\boproeping", r"\blogo(pedie|pedist)?\b", r"\bkine(sist|sitherapeut)?\b",
    r"\bkinesitherapie", r"\btherapie", r"\borthodont", r"\boogarts", r"\bnko", r"\bcardioloog",
    r"psychiater", r"psycholoog", r"rechter\b", r"\bgetuig", r"\bspecialist", r"\bafspraak", r"\brendez-vous",
    r"\bappointment", r"\btandarts", r"\bdentist", r"\bdentiste",
    r"\bkerstfeest", r"\bsuikerfeest", r"\bofferfeest", r"\bbayram", r"\beid\b",
    r"\b(religieus|religious)\s+(feest|holiday)", r"\bscan\b",
)
PROBLEMATIC = (
    r"\bop\s+reis\b", r"\breis\b", r"\b(ski)?vakantie\b", r"\bverlof\b", r"\bholiday\b", r"\bvacances\b",
    r"\bvoyage\b", r"\btrip\b", r"\blang\s+weekend\b", r"\bverslapen\b", r"\boverslapen\b", r"\boverslept\b",
    r"\bgeen\s+zin\b", r"\bski(en|vakantie|reis)?\b", r"\bvertrek(ken)?\b",
    r"\b(naar|bij)\s+(de\s+)?familie\s+in\b", r"\bfamiliebezoek", r"\bvisit(ing)?\s+(the\s+)?family\b",
    r"\bflights?\b", r"\bvlucht", r"\buitstap\s+met\s+de\s+familie\b",
)
ILLNESS = (  # stems, also inside compounds (buikgriep, keelontsteking)
    r"ziek", r"koorts", r"griep", r"verkouden", r"verkoudheid", r"pijn\b", r"ontsteking", r"migraine",
    r"overgeven", r"overgegeven", r"\bbraken", r"diarree", r"misselijk", r"\bniet\s+lekker", r"\bniet\s+goed\b",
    r"bronchitis", r"\bkroep\b", r"waterpokken", r"krentenbaard", r"hersenschudding", r"gebroken",
    r"\bgevallen\b", r"krukken", r"geopereerd", r"operatie", r"\bopere", r"\bspoed", r"ziekenhuis",
    r"\bdokter", r"huisarts", r"amandelen", r"malade", r"fievre", r"grippe", r"\bsick\b", r"\bill\b",
    r"\bfever", r"\bflu\b", r"chickenpox", r"kots", r"verstuik", r"gekneusd", r"blessure", r"gewond",
    r"\bcold\b", r"pneumonia", r"\bvomit", r"\bunwell", r"\bhoest",
)
PARENT_PROBLEM = (  # the parent, not the child: the head decides
    r"\bik\s+ben\b[\w ]{0,12}\bziek\b", r"\bik\s+(heb|lig)\b[\w ]{0,20}\b(griep|koorts|ziekenhuis)\b",
    r"\b(mijn\s+)?(mama|papa|man|vrouw|partner)\b[\w ]{0,12}\b(is|ligt)\b[\w ]{0,25}\b(ziek|opgenomen|ziekenhuis)\b",
    r"\bauto\b[\w ]{0,15}\b(kapot|stuk|panne|wou\s+niet)\b", r"\bcar\s+broke\b", r"\bpanne\b",
    r"\bje\s+suis\b[\w ]{0,15}\b(malade|hospitalise)", r"\bi\s*('m|am)\b[\w ]{0,10}\b(sick|ill|in\s+hospital)\b",
    r"\bkan\s+(hem|haar|ze|hen)\s+niet\s+brengen\b", r"\bcannot\s+bring\b", r"\bcan'?t\s+bring\b",
)

# -- days and times ---------------------------------------------------------------------------
WEEKDAYS = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
# Short weekday forms: only read as a day right after tem/tot/vanaf/en/of ("tem do").
SHORT_WEEKDAYS = {"ma": 0, "di": 1, "wo": 2, "woe": 2, "do": 3, "don": 3, "vr": 4, "vrij": 4, "za": 5, "zo": 6,
                  "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4}
RELATIVE_DAYS = {"vandaag": 0, "today": 0, "aujourd'hui": 0, "aujourdhui": 0, "morgen": 1, "tomorrow": 1,
                 "demain": 1, "overmorgen": 2, "gisteren": -1, "yesterday": -1}
MONTHS = {
    "januari": 1, "jan": 1, "janvier": 1, "january": 1, "februari": 2, "feb": 2, "fevrier": 2, "february": 2,
    "maart": 3, "mars": 3, "march": 3, "april": 4, "avril": 4, "mei": 5, "mai": 5, "may": 5, "juni": 6,
    "juin": 6, "june": 6, "juli": 7, "juillet": 7, "july": 7, "augustus": 8, "aout": 8, "august": 8,
    "september": 9, "sept": 9, "septembre": 9, "oktober": 10, "okt": 10, "octobre": 10, "october": 10,
    "november": 11, "nov": 11, "novembre": 11, "december": 12, "dec": 12, "decembre": 12,
}
NUMBER_WORDS = {"een": 1, "1": 1, "twee": 2, "2": 2, "drie": 3, "3": 3, "vier": 4, "4": 4, "vijf": 5, "5": 5,
                "two": 2, "three": 3, "deux": 2, "trois": 3}
PAST = re.compile(r"\b(was|waren|is\s+\w+\s+geweest|geweest|vergeten\s+te\s+(melden|sturen|laten\s+weten)|"
                  r"was\s+gisteren|hadden|heeft\s+gemist|vorige\s+week|last\s+week)\b")
