"""Dutch (Flemish school usage) for every English source string passed to `_()`.

Grouped by source file. `{placeholders}`, CLI commands and options stay exactly as in English;
tests/unit/test_i18n.py checks that every string is covered and that nothing is stale.
"""

NL: dict[str, str] = {
    # kiosk/cli.py — argument help
    "Schoolpoort kiosk": "Schoolpoort kiosk",
    "config.toml to use (or KIOSK_CONFIG)": "te gebruiken config.toml (of KIOSK_CONFIG)",
    "create an invented demo school": "een verzonnen demoschool aanmaken",
    "replace existing data (backup first)": "bestaande gegevens vervangen (eerst een back-up)",
    "do nothing when data exists": "niets doen als er al gegevens zijn",
    "import data": "gegevens importeren",
    "the pupil list (CSV) from the administration package":
        "de leerlingenlijst (CSV) uit het administratiepakket",
    "check and report, change nothing": "alleen controleren en melden, niets wijzigen",
    "pupils": "leerlingen",
    "list pupils": "leerlingen oplijsten",
    "staff members and PINs": "personeelsleden en PIN's",
    "add a staff member": "een personeelslid toevoegen",
    "comma-separated, e.g. 3A,3B": "gescheiden door komma's, bv. 3A,3B",
    "set a PIN (read from stdin when not a terminal)":
        "een PIN instellen (gelezen van stdin als het geen terminal is)",
    "list staff members": "personeelsleden oplijsten",
    "verify every data file": "alle gegevensbestanden controleren",
    "take a backup now": "nu een back-up maken",
    "list backups instead": "alleen de back-ups oplijsten",
    "restore a backup (the current data is kept as a backup)":
        "een back-up terugzetten (de huidige gegevens blijven bewaard als back-up)",
    "backup name (or its start) or folder": "naam van de back-up (of het begin ervan) of map",
    "show the audit trail of a school year": "het logboek van een schooljaar tonen",
    "first calendar year of the school year": "eerste kalenderjaar van het schooljaar",
    # kiosk/cli.py — messages
    "unexpected error": "onverwachte fout",
    "Creating the demo school…": "Demoschool wordt aangemaakt…",
    "Demo school: {pupils} pupils in {classes} classes, {staff} staff, {years} school year(s) of history "
    "({absences} absences, {lates} late arrivals).":
        "Demoschool: {pupils} leerlingen in {classes} klassen, {staff} personeelsleden, "
        "{years} schooljaar/schooljaren geschiedenis ({absences} afwezigheden, {lates} keer te laat).",
    "note: column {name!r} is not used": "let op: kolom {name!r} wordt niet gebruikt",
    "Nothing imported: {n} error(s).": "Niets geïmporteerd: {n} fout(en).",
    "added {a}, changed {c}, left {l}, returned {r}, unchanged {u}":
        "{a} nieuw, {c} gewijzigd, {l} vertrokken, {r} teruggekeerd, {u} ongewijzigd",
    "Dry run, nothing saved: ": "Proefimport, niets opgeslagen: ",
    "Imported: ": "Geïmporteerd: ",
    "Added {name} ({role}); set a PIN with: kiosk staff set-pin {id}":
        "{name} ({role}) toegevoegd; stel een PIN in met: kiosk staff set-pin {id}",
    "New PIN: ": "Nieuwe PIN: ",
    "PIN again: ": "Herhaal de PIN: ",
    "the two PINs differ; nothing changed": "de twee PIN's verschillen; niets gewijzigd",
    "PIN set for {name}.": "PIN ingesteld voor {name}.",
    "OK: {n} data file(s) in {dir} read correctly.": "OK: {n} gegevensbestand(en) in {dir} correct gelezen.",
    "DAMAGED: {problem}": "BESCHADIGD: {problem}",
    "Latest backup: {path}. Restore it with: kiosk restore {name}":
        "Laatste back-up: {path}. Terugzetten met: kiosk restore {name}",
    "No backup found.": "Geen back-up gevonden.",
    "Backup written: {path}": "Back-up gemaakt: {path}",
    "Restored {source}. The data as it was is kept in {saved}.":
        "{source} teruggezet. De vorige gegevens zijn bewaard in {saved}.",
    # kiosk/ui/app.py
    "Lock": "Vergrendelen",
    "Lock the screen now": "Scherm nu vergrendelen",
    "Data file damaged": "Gegevensbestand beschadigd",
    # kiosk/ui/screens/audit.py
    "Back": "Terug",
    "Back to the home screen": "Terug naar het startscherm",
    "Audit trail of this school year (newest first)": "Logboek van dit schooljaar (nieuwste eerst)",
    "When": "Wanneer",
    "Who": "Wie",
    "What": "Wat",
    "Detail": "Details",
    # kiosk/ui/screens/home.py — areas
    "Absences": "Afwezigheden",
    "Absences and late arrivals": "Afwezigheden en te laat",
    "Conversations": "Gesprekken",
    "Notes of talks at the gate": "Notities van gesprekken aan de poort",
    "Meetings": "Afspraken",
    "Parent evenings and care meetings": "Oudercontacten en zorggesprekken",
    "Invitations": "Uitnodigingen",
    "Class codes and letters": "Klascodes en brieven",
    "Audit trail": "Logboek",
    "Who changed what (head only)": "Wie wijzigde wat (enkel directie)",
    "{area}: arrives in a later version of the kiosk.": "{area}: komt in een latere versie van de kiosk.",
    # kiosk/ui/screens/home.py — the day (the weekday starts the line, hence the capital)
    "Monday": "Maandag",
    "Tuesday": "Dinsdag",
    "Wednesday": "Woensdag",
    "Thursday": "Donderdag",
    "Friday": "Vrijdag",
    "Saturday": "Zaterdag",
    "Sunday": "Zondag",
    "autumn holiday": "herfstvakantie",
    "Christmas holiday": "kerstvakantie",
    "carnival holiday": "krokusvakantie",
    "Easter holiday": "paasvakantie",
    "summer holiday": "zomervakantie",
    "Armistice Day": "Wapenstilstand",
    "Labour Day": "Dag van de Arbeid",
    "Ascension": "O.L.H. Hemelvaart",
    "Whit Monday": "Pinkstermaandag",
    "school free day": "vrije dag",
    "no school": "geen school",
    "weekend": "weekend",
    "school day, no lessons in the afternoon": "schooldag, geen les in de namiddag",
    "school day": "schooldag",
    # kiosk/ui/screens/login.py
    "head": "directie",
    "teacher": "leerkracht",
    "care": "zorgcoördinator",
    "office": "secretariaat",
    "Next name": "Volgende naam",
    "Previous name": "Vorige naam",
    "Other name": "Andere naam",
    "Your name": "Je naam",
    "PIN": "PIN",
    "PIN for {name}": "PIN voor {name}",
    "Too many wrong PINs. {name} is locked until {time}.":
        "Te veel foute PIN's. {name} is geblokkeerd tot {time}.",
    "Wrong PIN. {n} tries left.": "Foute PIN. Je kunt het nog {n} keer proberen.",
    # kiosk/ui/screens/pupil_card.py
    "Close": "Sluiten",
    "Back to the search": "Terug naar het zoeken",
    "photos allowed": "foto's toegelaten",
    "NO photos": "GEEN foto's",
    "Home language": "Thuistaal",
    "household {n}": "gezin {n}",
    # kiosk/ui/screens/store_error.py
    "Quit": "Afsluiten",
    "Close the kiosk": "De kiosk afsluiten",
    "The kiosk's data cannot be read": "De gegevens van de kiosk kunnen niet gelezen worden",
    "File: {path}": "Bestand: {path}",
    "Problem: {reason}": "Probleem: {reason}",
    "Latest backup: {path}": "Laatste back-up: {path}",
    "Restore it with: kiosk restore {name}": "Terugzetten met: kiosk restore {name}",
    "No backup found. Ask for help before changing anything.":
        "Geen back-up gevonden. Vraag hulp voor je iets verandert.",
    "Nothing was changed. Quit with q.": "Er is niets gewijzigd. Afsluiten met q.",
    # kiosk/ui/widgets/pupil_picker.py
    "Next": "Volgende",
    "Previous": "Vorige",
    "Clear": "Wissen",
    "Pupil: type a name or class…": "Leerling: typ een naam of klas…",
}
