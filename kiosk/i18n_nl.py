"""Dutch (Flemish school usage) for every English source string passed to `_()`.

Also every string marked with `N_()` where it is defined (the default absence codes) and
translated later with `_(code.label)`. Grouped by source file. `{placeholders}`, CLI commands
and options, and key names (Enter, Esc, ctrl+z) stay exactly as in English;
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
    "serve the kiosk to a browser (gate tablet)": "de kiosk in een browser aanbieden (tablet aan de poort)",
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
    "WARNING: serving on {host}: anyone on that network can reach the login screen. "
    "Use it only on the school's own network.":
        "OPGELET: de kiosk draait op {host}: iedereen op dat netwerk kan het aanmeldscherm bereiken. "
        "Gebruik dit alleen op het eigen netwerk van de school.",
    "Kiosk at http://{host}:{port}/ (ctrl+c stops)": "Kiosk op http://{host}:{port}/ (ctrl+c stopt)",
    # kiosk/cli_absences.py — argument help
    "absences": "afwezigheden",
    "log an absence": "een afwezigheid registreren",
    "pupil id, or name and/or class": "leerling-id, of naam en/of klas",
    "absence code id or its key letter": "id van de afwezigheidscode of de letter ervan",
    "sms, phone, agenda, email or in_person": "sms, phone, agenda, email of in_person",
    "staff member who logs it": "personeelslid dat het registreert",
    "list absences": "afwezigheden oplijsten",
    "late arrivals": "te laat komen",
    "log a late arrival": "te laat komen registreren",
    "HH:MM, default now": "UU:MM, standaard nu",
    "default today": "standaard vandaag",
    "list late arrivals": "te laat komen oplijsten",
    "one day (default today)": "één dag (standaard vandaag)",
    "first day of a period": "eerste dag van een periode",
    "last day of a period": "laatste dag van een periode",
    # kiosk/cli_absences.py — messages
    "{text!r} is not a date (e.g. 2026-11-23, 23/11, vandaag)":
        "{text!r} is geen datum (bv. 2026-11-23, 23/11, vandaag)",
    "use --date or --from/--to, not both": "gebruik --date of --from/--to, niet allebei",
    "warning: {text}": "waarschuwing: {text}",
    "{text!r} is not a time (e.g. 8:35)": "{text!r} is geen uur (bv. 8:35)",
    "{name} was late {n} times this month": "{name} was deze maand {n} keer te laat",
    # kiosk/domain/absences.py — default absence codes (N_)
    "Sick, parent's note": "Ziek (briefje ouder)",
    "Sick, medical certificate": "Ziek (medisch attest)",
    "Other justified reason": "Andere gewettigde reden",
    "Problematic (unjustified)": "Problematisch (niet gewettigd)",
    "Reason not known yet": "Reden nog onbekend",
    # kiosk/services/absences.py
    "no pupil matches {text!r}": "geen leerling gevonden voor {text!r}",
    "{text!r} matches several pupils: {listed}": "{text!r} past bij meerdere leerlingen: {listed}",
    "unknown absence code {code!r} (known: {known})": "onbekende afwezigheidscode {code!r} (bekend: {known})",
    "the period ends before it starts": "de periode eindigt voor ze begint",
    "part must be day, am or pm": "part moet day, am of pm zijn",
    "a half day is one day: use the same from and to date":
        "een halve dag is één dag: gebruik dezelfde begin- en einddatum",
    "unknown channel {via!r}": "onbekend kanaal {via!r}",
    "the note is longer than {n} characters": "de notitie is langer dan {n} tekens",
    # kiosk/services/demo.py
    "--pupils and --years must be at least 1": "--pupils en --years moeten minstens 1 zijn",
    "{dir} already holds data; add --force to replace it (a backup is taken first)":
        "{dir} bevat al gegevens; voeg --force toe om ze te vervangen (eerst wordt een back-up gemaakt)",
    # kiosk/services/messages.py — warnings of the absence rules
    "{name}: parent's note number {n} this school year (at most {max}); "
    "ask for a medical certificate (code: {code})":
        "{name}: {n}e briefje ouder dit schooljaar (max. {max}); vraag een medisch attest (code: {code})",
    "{name}: a parent's note covers at most {max} days, this is {n}; "
    "ask for a medical certificate (code: {code})":
        "{name}: een briefje ouder geldt max. {max} dagen, dit zijn er {n}; "
        "vraag een medisch attest (code: {code})",
    "{name}: {n} problematic half days this school year: contact the CLB":
        "{name}: {n} problematische halve dagen dit schooljaar: neem contact op met het CLB",
    "{name}: {n} problematic half days this school year":
        "{name}: {n} problematische halve dagen dit schooljaar",
    "{name}: there is no school in this period": "{name}: er is geen school in deze periode",
    # kiosk/services/pupils.py
    "cannot read {path}: {reason}": "kan {path} niet lezen: {reason}",
    # kiosk/services/staff.py
    "a staff member needs a name": "een personeelslid heeft een naam nodig",
    "staff member {name!r} already exists": "personeelslid {name!r} bestaat al",
    "no staff member called {text!r}": "geen personeelslid met de naam {text!r}",
    "{text!r} matches several staff members: {names}": "{text!r} past bij meerdere personeelsleden: {names}",
    "a PIN is 4 to 8 digits": "een PIN heeft 4 tot 8 cijfers",
    "no staff member {id!r}": "geen personeelslid {id!r}",
    # kiosk/domain/roster.py — errors in the pupil list, per line
    "line {line}: {message}": "regel {line}: {message}",
    "the file is empty": "het bestand is leeg",
    "missing column(s): {names}": "ontbrekende kolom(men): {names}",
    "expected {expected} fields, found {found}": "{expected} velden verwacht, {found} gevonden",
    "pupil id {id} also on line {line}": "leerling-id {id} staat ook op regel {line}",
    "no pupils in the file": "geen leerlingen in het bestand",
    "{column} is empty": "{column} is leeg",
    "class {text!r} is not a class name like 3B or K2": "klas {text!r} is geen klasnaam zoals 3B of K2",
    "home language {text!r} is not a two-letter code like nl or fr":
        "thuistaal {text!r} is geen code van twee letters zoals nl of fr",
    "birth date {text!r} is not a date (DD/MM/YYYY or YYYY-MM-DD)":
        "geboortedatum {text!r} is geen datum (DD/MM/JJJJ of JJJJ-MM-DD)",
    "photo consent {text!r} must be ja or nee": "fototoestemming {text!r} moet ja of nee zijn",
    "guardian {n} has details but no name": "ouder {n} heeft gegevens maar geen naam",
    "guardian {n} e-mail {email!r} is not an e-mail address":
        "ouder {n}: e-mail {email!r} is geen e-mailadres",
    "guardian {n} household {text!r} must be a number": "ouder {n}: gezin {text!r} moet een getal zijn",
    # kiosk/store/storage.py and kiosk/store/backup.py — damaged files, backups
    "data file {path} cannot be read: {reason}. {hint}":
        "gegevensbestand {path} kan niet gelezen worden: {reason}. {hint}",
    "Latest backup: {path} (restore with: kiosk restore {name})":
        "Laatste back-up: {path} (terugzetten met: kiosk restore {name})",
    "not valid JSON ({error})": "geen geldige JSON ({error})",
    "not a kiosk data file": "geen gegevensbestand van de kiosk",
    "cannot use data directory {dir}: {error}": "de gegevensmap {dir} kan niet gebruikt worden: {error}",
    "read error ({reason})": "leesfout ({reason})",
    "the file is missing": "het bestand ontbreekt",
    "no backup called {name!r}; see: kiosk backup --list":
        "geen back-up met de naam {name!r}; zie: kiosk backup --list",
    "{name!r} fits several backups: {names}": "{name!r} past bij meerdere back-ups: {names}",
    "{path} is not a kiosk backup": "{path} is geen back-up van de kiosk",
    # kiosk/ui/app.py
    "Lock": "Vergrendelen",
    "Lock the screen now": "Scherm nu vergrendelen",
    "Undo": "Ongedaan maken",
    "Take back the last entry": "De laatste registratie ongedaan maken",
    "Undone: {what}": "Ongedaan gemaakt: {what}",
    # kiosk/ui/labels.py
    "whole day": "hele dag",
    "morning": "voormiddag",
    "afternoon": "namiddag",
    "text message": "sms",
    "phone": "telefoon",
    "agenda": "agenda",
    "e-mail": "e-mail",
    "in person": "persoonlijk",
    "Mon": "ma",
    "Tue": "di",
    "Wed": "wo",
    "Thu": "do",
    "Fri": "vr",
    "Sat": "za",
    "Sun": "zo",
    # kiosk/ui/screens/absence_dialog.py
    "Save": "Opslaan",
    "Save with the default code": "Opslaan met de standaardcode",
    "Day/half": "Dagdeel",
    "Whole day, morning or afternoon": "Hele dag, voormiddag of namiddag",
    "Period": "Periode",
    "From and to date": "Begin- en einddatum",
    "Note": "Notitie",
    "A short note": "Een korte notitie",
    "Reported via": "Gemeld via",
    "Text, phone, agenda, e-mail, in person": "Sms, telefoon, agenda, e-mail, persoonlijk",
    "Siblings": "Broers en zussen",
    "Also for brothers and sisters": "Ook voor broers en zussen",
    "Late": "Te laat",
    "A late arrival instead": "Toch te laat, niet afwezig",
    "Pupil": "Leerling",
    "The pupil's card and history": "Fiche en geschiedenis van de leerling",
    "Cancel": "Annuleren",
    "Close without saving": "Sluiten zonder opslaan",
    "from": "van",
    "to (e.g. vr, 27/11)": "tot (bv. vr, 27/11)",
    "note": "notitie",
    "reason (optional)": "reden (niet verplicht)",
    "via {channel}": "via {channel}",
    "Enter": "Enter",
    "Also for: {names}": "Ook voor: {names}",
    "Siblings (s to add): {names}": "Broers en zussen (s = ook voor hen): {names}",
    # kiosk/ui/screens/audit.py
    "Back": "Terug",
    "Back to the home screen": "Terug naar het startscherm",
    "Audit trail of this school year (newest first)": "Logboek van dit schooljaar (nieuwste eerst)",
    "When": "Wanneer",
    "Who": "Wie",
    "What": "Wat",
    "Detail": "Details",
    # kiosk/ui/screens/day_view.py
    "Previous day": "Vorige dag",
    "Show the day before": "De dag ervoor tonen",
    "Next day": "Volgende dag",
    "Show the day after": "De dag erna tonen",
    "Today": "Vandaag",
    "Back to today": "Terug naar vandaag",
    "Edit": "Wijzigen",
    "Change the selected entry": "De gekozen regel wijzigen",
    "Delete": "Verwijderen",
    "Delete the selected entry": "De gekozen registratie verwijderen",
    "Class": "Klas",
    "Via": "Via",
    "Signal": "Signaal",
    "Absences and late arrivals · {day}": "Afwezig en te laat · {day}",
    "nobody absent": "niemand afwezig",
    "Absent per class: {counts} · unexplained: {n}": "Afwezig per klas: {counts} · onverklaard: {n}",
    "CLB ({n} half days)": "CLB ({n} halve dagen)",
    "late {n}× this month": "deze maand {n}× te laat",
    "late {time}": "te laat {time}",
    "Deleted: {what}": "Verwijderd: {what}",
    "Delete {what}?": "{what} verwijderen?",
    # kiosk/ui/screens/home.py — areas
    "Absences": "Afwezigheden",
    "Today's absences and late arrivals by class": "Afwezig en te laat vandaag, per klas",
    "Conversations": "Gesprekken",
    "Notes of talks at the gate": "Notities van gesprekken aan de poort",
    "Meetings": "Afspraken",
    "Parent evenings and care meetings": "Oudercontacten en zorggesprekken",
    "Invitations": "Uitnodigingen",
    "Class codes and letters": "Klascodes en brieven",
    "Audit trail": "Logboek",
    "Who changed what (head only)": "Wie wijzigde wat (enkel directie)",
    "Paste text": "Sms plakken",
    "Read a parent's text message": "Een sms van een ouder inlezen",
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
    # kiosk/ui/screens/home.py — today, saved entries
    "Today: {absent} absent · {late} late · {unexplained} unexplained":
        "Vandaag: {absent} afwezig · {late} te laat · {unexplained} onverklaard",
    "Contact the CLB (problematic half days): {names}":
        "CLB contacteren (problematische halve dagen): {names}",
    "Saved: {what}. ctrl+z undoes it.": "Opgeslagen: {what}. ctrl+z maakt ongedaan.",
    "{name} late at {time}": "{name} te laat om {time}",
    "Changed: {what}": "Gewijzigd: {what}",
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
    "photos allowed": "foto's toegelaten",
    "NO photos": "GEEN foto's",
    "Home language": "Thuistaal",
    "household {n}": "gezin {n}",
    "This school year: {justified} justified half days · {problematic} problematic half days · "
    "parent's notes {notes}/{max} · late per month: {lates}":
        "Dit schooljaar: {justified} gewettigde halve dagen · {problematic} problematische halve dagen · "
        "briefjes ouder {notes}/{max} · te laat per maand: {lates}",
    "Date": "Datum",
    # kiosk/ui/screens/sms.py
    "Save the proposal": "Het voorstel opslaan",
    "Paste the text message and press Enter": "Plak de sms en druk op Enter",
    "Pupil(s): {names}": "Leerling(en): {names}",
    "Which pupil? Press a number:": "Welke leerling? Druk op een cijfer:",
    "No pupil recognised: Esc and use the search instead.":
        "Geen leerling herkend: druk op Esc en zoek zelf.",
    "Code: {code}": "Code: {code}",
    "Period: {period}, {part}": "Periode: {period}, {part}",
    "Enter saves · a code letter changes the code · d day/half · p period · Esc cancels":
        "Enter slaat op · een codeletter wijzigt de code · d dagdeel · p periode · Esc annuleert",
    "Until which day": "Tot en met welke dag",
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
    # kiosk/ui/widgets/confirm.py
    "Yes": "Ja",
    "Yes, do it": "Ja, doen",
    "No": "Nee",
    "No, keep it": "Nee, laten staan",
    "y = yes · n = no": "j = ja · n = nee",
    # kiosk/ui/widgets/pupil_picker.py
    "Next": "Volgende",
    "Previous": "Vorige",
    "Clear": "Wissen",
    "Pupil: type a name or class…": "Leerling: typ een naam of klas…",
    # refusals and dialog titles (second round)
    "Change: {title}": "Wijzigen: {title}",
    "Late: {name} · {klass}": "Te laat: {name} · {klass}",
    "a late arrival cannot be in the future": "te laat kan niet in de toekomst liggen",
    "there is no school on {day}: nothing saved": "er is geen school op {day}: niets opgeslagen",
    "there is no school then ({period}): nothing saved": "er is dan geen school ({period}): niets opgeslagen",
    "{name} is already absent then ({period}, {code}): change that entry instead":
        "{name} is dan al afwezig ({period}, {code}): wijzig liever die afwezigheid",
    "{name} was already noted late that day, at {time}": "{name} staat die dag al als te laat, om {time}",
    "Nothing to undo: {what} was already removed": "Niets ongedaan te maken: {what} was al verwijderd",
    "The pupil's card and history (also Enter)": "De fiche en geschiedenis van de leerling (ook Enter)",
    "accept that many pupils are marked as left (a new school year)":
        "aanvaard dat veel leerlingen als vertrokken worden gemarkeerd (een nieuw schooljaar)",
    "note: the file has no guardian columns; known guardians were kept":
        "let op: het bestand heeft geen kolommen voor ouders; de gekende ouders blijven behouden",
    "warning: {n} pupils would be marked as left; a real import needs --allow-many-leaving":
        "waarschuwing: {n} leerlingen zouden als vertrokken gemarkeerd worden; "
        "een echte import vraagt --allow-many-leaving",
    "{n} of {total} pupils are not in this file and would be marked as left; is it the whole school? "
    "If so, add --allow-many-leaving":
        "{n} van de {total} leerlingen staan niet in dit bestand en zouden als vertrokken gemarkeerd "
        "worden; is dit de hele school? Voeg dan --allow-many-leaving toe",
    # kiosk/ui/screens/audit.py — what happened, for the head
    "logged in": "aangemeld",
    "wrong PIN": "foute PIN",
    "locked after wrong PINs": "vergrendeld na foute PIN's",
    "pupil list imported": "leerlingenlijst ingelezen",
    "staff member added": "personeelslid toegevoegd",
    "PIN set": "PIN ingesteld",
    "exported": "geëxporteerd",
    "backup": "back-up",
    "backup restored": "back-up teruggezet",
    "demo school made": "demoschool aangemaakt",
    "absence logged": "afwezigheid genoteerd",
    "absence changed": "afwezigheid gewijzigd",
    "absence deleted": "afwezigheid verwijderd",
    "absence undone": "afwezigheid ongedaan gemaakt",
    "late arrival logged": "te laat genoteerd",
    "late arrival deleted": "te laat verwijderd",
    "late arrival undone": "te laat ongedaan gemaakt",
    "warning: no pupils in class(es) {classes} yet":
        "waarschuwing: nog geen leerlingen in klas(sen) {classes}",
    "late arrival changed": "te laat gewijzigd",
    "The kiosk stopped on an unexpected error ({kind}). Nothing was saved halfway; start it again.":
        "De kiosk stopte door een onverwachte fout ({kind}). Niets werd half opgeslagen; start hem opnieuw.",
    "a period cannot run into the next school year: enter it from 1 September":
        "een periode kan niet doorlopen in het volgende schooljaar: voer ze in vanaf 1 september",
    "this entry no longer exists (removed on another kiosk?)":
        "deze regel bestaat niet meer (verwijderd op een andere kiosk?)",
    "The daily backup failed: {error}": "De dagelijkse back-up is mislukt: {error}",
}
