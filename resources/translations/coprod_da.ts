<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en_GB">
    <context>
        <name>AnalysisViews</name>
        <message>
            <source>&amp;Dashboard</source>
            <translation>&amp;Overblikstavle</translation>
        </message>
        <message>
            <source>Charts of the whole portfolio; click a bar to see those initiatives</source>
            <translation>Diagrammer over hele porteføljen; klik på en søjle for at se de initiativer</translation>
        </message>
        <message>
            <source>Re&amp;view mode</source>
            <translation>&amp;Gennemgangstilstand</translation>
        </message>
        <message>
            <source>Walk the shown initiatives, those that need attention first, and record reviews</source>
            <translation>Gå de viste initiativer igennem, dem der kræver opmærksomhed først, og registrér gennemgange</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Overblikstavle</translation>
        </message>
        <message>
            <source>Review mode</source>
            <translation>Gennemgangstilstand</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Unexpected error</source>
            <translation>Uventet fejl</translation>
        </message>
        <message>
            <source>Something unexpected went wrong. Your saved work is safe; unsaved changes in open initiatives are still there. The details were written to the log file.</source>
            <translation>Noget uventet gik galt. Dit gemte arbejde er i sikkerhed; ikke-gemte ændringer i åbne initiativer er der stadig. Detaljerne er skrevet i logfilen.</translation>
        </message>
    </context>
    <context>
        <name>AuditModel</name>
        <message>
            <source>When</source>
            <translation>Hvornår</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Hvem</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Handling</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Hvad</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Felt</translation>
        </message>
        <message>
            <source>Old value</source>
            <translation>Gammel værdi</translation>
        </message>
        <message>
            <source>New value</source>
            <translation>Ny værdi</translation>
        </message>
        <message>
            <source>added</source>
            <translation>tilføjet</translation>
        </message>
        <message>
            <source>changed</source>
            <translation>ændret</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>fjernet</translation>
        </message>
        <message>
            <source>initiative</source>
            <translation>initiativ</translation>
        </message>
        <message>
            <source>stakeholder</source>
            <translation>aktør</translation>
        </message>
        <message>
            <source>mandate</source>
            <translation>mandat</translation>
        </message>
        <message>
            <source>resource</source>
            <translation>ressource</translation>
        </message>
        <message>
            <source>cross-pressure</source>
            <translation>krydspres</translation>
        </message>
        <message>
            <source>journal</source>
            <translation>journal</translation>
        </message>
        <message>
            <source>review</source>
            <translation>gennemgang</translation>
        </message>
        <message>
            <source>imported</source>
            <translation>importeret</translation>
        </message>
        <message>
            <source>from %1</source>
            <translation>fra %1</translation>
        </message>
    </context>
    <context>
        <name>Background</name>
        <message>
            <source>Cancel</source>
            <translation>Annuller</translation>
        </message>
    </context>
    <context>
        <name>ClassificationAssistant</name>
        <message>
            <source>Classification assistant</source>
            <translation>Klassifikationshjælper</translation>
        </message>
        <message>
            <source>The answers are filled in from what is recorded (marked “from the record”). Change any answer that does not fit; the suggestion follows.</source>
            <translation>Svarene er udfyldt ud fra det, der er registreret (markeret »fra registreringen«). Ret de svar, der ikke passer; forslaget følger med.</translation>
        </message>
        <message>
            <source>(from the record)</source>
            <translation>(fra registreringen)</translation>
        </message>
        <message>
            <source>Not sure / does not apply</source>
            <translation>Ved ikke / passer ikke</translation>
        </message>
        <message>
            <source>Suggestion</source>
            <translation>Forslag</translation>
        </message>
        <message>
            <source>Recorded now: %1</source>
            <translation>Registreret nu: %1</translation>
        </message>
        <message>
            <source>not classified</source>
            <translation>ikke klassificeret</translation>
        </message>
        <message>
            <source>&amp;Use this suggestion</source>
            <translation>&amp;Brug dette forslag</translation>
        </message>
        <message>
            <source>Set the type, the secondary type and the rationale (Ctrl+Z undoes it)</source>
            <translation>Sæt typen, den sekundære type og begrundelsen (Ctrl+Z fortryder)</translation>
        </message>
        <message>
            <source>No suggestion yet</source>
            <translation>Endnu intet forslag</translation>
        </message>
        <message>
            <source>Suggested type:</source>
            <translation>Foreslået type:</translation>
        </message>
        <message>
            <source>Secondary type:</source>
            <translation>Sekundær type:</translation>
        </message>
        <message>
            <source>Answers pointing to each type: %1</source>
            <translation>Svar, der peger på hver type: %1</translation>
        </message>
        <message>
            <source>Use the assistant's suggestion</source>
            <translation>Brug hjælperens forslag</translation>
        </message>
        <message>
            <source>Also tick the public values of %1?</source>
            <translation>Skal de offentlige værdier for %1 også markeres?</translation>
        </message>
        <message>
            <source>Public values</source>
            <translation>Offentlige værdier</translation>
        </message>
    </context>
    <context>
        <name>CommitteeDialog</name>
        <message>
            <source>Committee brief</source>
            <translation>Udvalgsnotat</translation>
        </message>
        <message>
            <source>A plain-language brief for a political committee. Initiatives covered: %1 (those shown in the portfolio, with its current filters).</source>
            <translation>Et notat i et klart og enkelt sprog til et politisk udvalg. Initiativer med i notatet: %1 (dem, der vises i porteføljen, med dens aktuelle filtre).</translation>
        </message>
        <message>
            <source>Public-safe: no person's name, contact details or personal notes appear. Persons are only counted (“4 volunteers”), and a person's name inside titles, summaries and journal entries is replaced by a neutral word.</source>
            <translation>Offentlig version: ingen personers navne, kontaktoplysninger eller personlige noter kommer med. Personer tælles kun (“4 frivillige”), og en persons navn i titler, resuméer og journalnotater erstattes af et neutralt ord.</translation>
        </message>
        <message>
            <source>&amp;Include personal data</source>
            <translation>&amp;Medtag personoplysninger</translation>
        </message>
        <message>
            <source>Names, contact details and notes of the persons taking part</source>
            <translation>Navne, kontaktoplysninger og noter om de personer, der deltager</translation>
        </message>
        <message>
            <source>&lt;b&gt;This brief will contain personal data.&lt;/b&gt; It names the persons taking part and shows their contact details and notes. Do not publish it or put it on a public agenda; share it only with people who may see personal data, and delete copies when they are no longer needed.</source>
            <translation>&lt;b&gt;Dette notat vil indeholde personoplysninger.&lt;/b&gt; Det nævner de deltagende personer ved navn og viser deres kontaktoplysninger og noter. Offentliggør det ikke, og sæt det ikke på en offentlig dagsorden; del det kun med personer, der må se personoplysninger, og slet kopier, når de ikke længere er nødvendige.</translation>
        </message>
        <message>
            <source>Make the brief</source>
            <translation>Lav notatet</translation>
        </message>
        <message>
            <source>Include &amp;journal highlights</source>
            <translation>Medtag udvalgte &amp;journalnotater</translation>
        </message>
        <message>
            <source>Each initiative's two latest decisions and milestones. Names in them are replaced, and you review any other name-like words before the brief is made.</source>
            <translation>Hvert initiativs to seneste beslutninger og milepæle. Navne i dem erstattes, og du gennemgår andre navnelignende ord, før notatet laves.</translation>
        </message>
    </context>
    <context>
        <name>DashboardView</name>
        <message>
            <source>Click a bar or a segment to see those initiatives.</source>
            <translation>Klik på en søjle eller et felt for at se de initiativer.</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Opdatér</translation>
        </message>
        <message>
            <source>Initiatives that need attention</source>
            <translation>Initiativer, der kræver opmærksomhed</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Alvor</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Signals</source>
            <translation>Signaler</translation>
        </message>
        <message>
            <source>Attention list (click: show in the portfolio; double-click: open)</source>
            <translation>Opmærksomhedsliste (klik: vis i porteføljen; dobbeltklik: åbn)</translation>
        </message>
        <message>
            <source>Working out the figures…</source>
            <translation>Beregner tallene …</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Stop working out the figures</source>
            <translation>Stop beregningen af tallene</translation>
        </message>
        <message>
            <source>Working out the figures… %1 of %2 initiatives</source>
            <translation>Beregner tallene … %1 af %2 initiativer</translation>
        </message>
        <message>
            <source>Stopped. Click Refresh to work out the figures.</source>
            <translation>Stoppet. Klik på Opdatér for at beregne tallene.</translation>
        </message>
        <message>
            <source>%1 initiatives · %2 open cross-pressures (%3 serious) · %4 need attention</source>
            <translation>%1 initiativer · %2 åbne krydspres (%3 alvorlige) · %4 kræver opmærksomhed</translation>
        </message>
        <message>
            <source>Attention signals</source>
            <translation>Opmærksomhedssignaler</translation>
        </message>
        <message>
            <source>High</source>
            <translation>Høj</translation>
        </message>
        <message>
            <source>Medium</source>
            <translation>Middel</translation>
        </message>
        <message>
            <source>Low</source>
            <translation>Lav</translation>
        </message>
        <message>
            <source>not classified</source>
            <translation>ikke klassificeret</translation>
        </message>
        <message>
            <source>Open cross-pressure: %1</source>
            <translation>Åbent krydspres: %1</translation>
        </message>
        <message>
            <source>severity %1</source>
            <translation>alvor %1</translation>
        </message>
        <message>
            <source>municipal input</source>
            <translation>kommunal indsats</translation>
        </message>
        <message>
            <source>mobilised</source>
            <translation>mobiliseret</translation>
        </message>
        <message>
            <source>money</source>
            <translation>penge</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>timer</translation>
        </message>
        <message>
            <source>planned</source>
            <translation>planlagt</translation>
        </message>
        <message>
            <source>actual</source>
            <translation>faktisk</translation>
        </message>
        <message>
            <source>origin not recorded</source>
            <translation>oprindelse ikke registreret</translation>
        </message>
        <message>
            <source>Origin: %1</source>
            <translation>Oprindelse: %1</translation>
        </message>
        <message>
            <source>Attention: %1</source>
            <translation>Opmærksomhed: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n initiative(s) — click to show them</source>
            <translation>
                <numerusform>%n initiativ – klik for at vise det</numerusform>
                <numerusform>%n initiativer – klik for at vise dem</numerusform>
            </translation>
        </message>
        <message>
            <source>Kept</source>
            <translation>Holdt</translation>
        </message>
        <message>
            <source>On time</source>
            <translation>Til tiden</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overskredet</translation>
        </message>
        <message>
            <source>Dropped</source>
            <translation>Opgivet</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Åbne</translation>
        </message>
        <message>
            <source>Commitments kept on time</source>
            <translation>Aftaler holdt til tiden</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>Sektor</translation>
        </message>
        <message>
            <source>no co-production phase recorded</source>
            <translation>ingen samskabelsesfase registreret</translation>
        </message>
        <message>
            <source>Co-production phase: %1</source>
            <translation>Samskabelsesfase: %1</translation>
        </message>
    </context>
    <context>
        <name>EraseDialog</name>
        <message>
            <source>Erase person</source>
            <translation>Slet person</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Erase “%1”?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The name becomes “%2” everywhere; e-mail, phone, notes, organisation, lawful basis and dates are removed, also where other texts mention them, and the erased values are wiped from the database file. Involvements and journal entries stay, anonymous.&lt;/p&gt;&lt;p&gt;This cannot be undone. Backups made before now still hold the data; restoring one erases the person again. The first name or surname alone is not replaced: you get a list of such possible mentions to review.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Slet “%1”?&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Navnet bliver til “%2” overalt; e-mail, telefon, noter, organisation, behandlingsgrundlag og datoer fjernes, også hvor andre tekster nævner dem, og de slettede værdier fjernes fra databasefilen. Deltagelse og journalnotater bliver stående, anonymt.&lt;/p&gt;&lt;p&gt;Det kan ikke fortrydes. Sikkerhedskopier taget før nu indeholder stadig oplysningerne; gendannes en af dem, slettes personen igen. Fornavn eller efternavn alene erstattes ikke: du får en liste over sådanne mulige omtaler til gennemgang.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Reason for erasing</source>
            <translation>Begrundelse for sletningen</translation>
        </message>
        <message>
            <source>For example: the retention period has ended; the person asked (case no.)</source>
            <translation>For eksempel: opbevaringsperioden er udløbet; personen har bedt om det (sagsnr.)</translation>
        </message>
        <message>
            <source>&amp;Reason (required, kept in the audit trail):</source>
            <translation>&amp;Begrundelse (skal udfyldes, gemmes i ændringsloggen):</translation>
        </message>
        <message>
            <source>I understand that this cannot be &amp;undone</source>
            <translation>Jeg forstår, at det ikke kan &amp;fortrydes</translation>
        </message>
        <message>
            <source>&amp;Erase person</source>
            <translation>&amp;Slet person</translation>
        </message>
    </context>
    <context>
        <name>FieldGuide</name>
        <message>
            <source>Field guide: spreadsheet columns</source>
            <translation>Feltvejledning: regnearkets kolonner</translation>
        </message>
        <message>
            <source>Field guide</source>
            <translation>Feltvejledning</translation>
        </message>
        <message>
            <source>The field guide could not be read: %1</source>
            <translation>Feltvejledningen kunne ikke læses: %1</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Search titles, places, journal…</source>
            <translation>Søg i titler, steder, journal …</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Søg</translation>
        </message>
        <message>
            <source>Any type</source>
            <translation>Alle typer</translation>
        </message>
        <message>
            <source>Not classified</source>
            <translation>Ikke klassificeret</translation>
        </message>
        <message>
            <source>Any sector</source>
            <translation>Alle sektorer</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>Alle statusser</translation>
        </message>
        <message>
            <source>Any origin</source>
            <translation>Alle oprindelser</translation>
        </message>
        <message>
            <source>Any cross-pressure</source>
            <translation>Alle krydspres</translation>
        </message>
        <message>
            <source>My initiatives</source>
            <translation>Mine initiativer</translation>
        </message>
        <message>
            <source>Only initiatives whose owner is your user name</source>
            <translation>Kun initiativer, hvor du er ansvarlig</translation>
        </message>
        <message>
            <source>Any attention</source>
            <translation>Uanset signaler</translation>
        </message>
        <message>
            <source>Any attention signal</source>
            <translation>Et hvilket som helst signal</translation>
        </message>
        <message>
            <source>Type filter</source>
            <translation>Filter på type</translation>
        </message>
        <message>
            <source>Sector filter</source>
            <translation>Filter på sektor</translation>
        </message>
        <message>
            <source>Status filter</source>
            <translation>Filter på status</translation>
        </message>
        <message>
            <source>Origin filter</source>
            <translation>Filter på oprindelse</translation>
        </message>
        <message>
            <source>Cross-pressure filter</source>
            <translation>Filter på krydspres</translation>
        </message>
        <message>
            <source>Attention filter</source>
            <translation>Opmærksomhedsfilter</translation>
        </message>
        <message>
            <source>Needs attention (any signal)</source>
            <translation>Kræver opmærksomhed</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>CSV, separator %1</source>
            <translation>CSV, skilletegn %1</translation>
        </message>
        <message>
            <source>decimal comma</source>
            <translation>decimalkomma</translation>
        </message>
        <message>
            <source>decimal point</source>
            <translation>decimalpunktum</translation>
        </message>
        <message>
            <source>encoding %1</source>
            <translation>tegnsæt %1</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>Excel-projektmappe</translation>
        </message>
        <message>
            <source>headings in row %1</source>
            <translation>overskrifter i række %1</translation>
        </message>
        <message>
            <source>coprod interchange file (JSON)</source>
            <translation>coprod-udvekslingsfil (JSON)</translation>
        </message>
        <message>
            <source>Import initiatives</source>
            <translation>Importér initiativer</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Tilbage</translation>
        </message>
        <message>
            <source>Check &amp;again</source>
            <translation>Kontrollér &amp;igen</translation>
        </message>
        <message>
            <source>Read the file again after correcting it</source>
            <translation>Læs filen igen, når du har rettet den</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Næste &gt;</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Importér</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuller</translation>
        </message>
        <message>
            <source>Choose a coprod interchange file (.json) or a spreadsheet (.csv or .xlsx) with one initiative per row. Column headings may be the field names or their English or Danish labels; Danish Excel files (semicolons, decimal comma, dd-mm-yyyy dates) are recognised by themselves. Nothing is written until you have seen the preview and pressed Import.</source>
            <translation>Vælg en coprod-udvekslingsfil (.json) eller et regneark (.csv eller .xlsx) med ét initiativ pr. række. Kolonneoverskrifterne kan være feltnavnene eller deres engelske eller danske betegnelser; danske Excel-filer (semikolon, decimalkomma, datoer som dd-mm-åååå) genkendes af sig selv. Intet skrives, før du har set forhåndsvisningen og trykket på Importér.</translation>
        </message>
        <message>
            <source>File to import</source>
            <translation>Fil, der skal importeres</translation>
        </message>
        <message>
            <source>Path of a .json, .csv or .xlsx file</source>
            <translation>Sti til en .json-, .csv- eller .xlsx-fil</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Gennemse…</translation>
        </message>
        <message>
            <source>&amp;Update initiatives whose reference already exists (merge)</source>
            <translation>&amp;Opdatér initiativer, hvis reference allerede findes (flet)</translation>
        </message>
        <message>
            <source>Without this, a reference that already exists is reported as a problem</source>
            <translation>Uden dette meldes en reference, der allerede findes, som et problem</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;Fil:</translation>
        </message>
        <message>
            <source>First rows of the file</source>
            <translation>Filens første rækker</translation>
        </message>
        <message>
            <source>Problems:</source>
            <translation>Problemer:</translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problemer</translation>
        </message>
        <message>
            <source>Imported initiatives</source>
            <translation>Importerede initiativer</translation>
        </message>
        <message>
            <source>Step 1: choose a file</source>
            <translation>Trin 1: vælg en fil</translation>
        </message>
        <message>
            <source>Step 2: match the columns</source>
            <translation>Trin 2: tilknyt kolonnerne</translation>
        </message>
        <message>
            <source>Step 3: check before importing</source>
            <translation>Trin 3: kontrollér før import</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Færdig</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Luk</translation>
        </message>
        <message>
            <source>Importable files (*.json *.csv *.xlsx);;Interchange files (*.json);;Spreadsheets (*.csv *.xlsx)</source>
            <translation>Filer, der kan importeres (*.json *.csv *.xlsx);;Udvekslingsfiler (*.json);;Regneark (*.csv *.xlsx)</translation>
        </message>
        <message>
            <source>Something unexpected went wrong: %1</source>
            <translation>Noget uventet gik galt: %1</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Choose a .json, .csv or .xlsx file; “%1” cannot be imported.</source>
            <translation>Vælg en .json-, .csv- eller .xlsx-fil; “%1” kan ikke importeres.</translation>
        </message>
        <message>
            <source>Reading the file…</source>
            <translation>Læser filen…</translation>
        </message>
        <message>
            <source>Field for the column “%1”</source>
            <translation>Felt til kolonnen “%1”</translation>
        </message>
        <message>
            <source>(choose a field)</source>
            <translation>(vælg et felt)</translation>
        </message>
        <message>
            <source>Leave this column out</source>
            <translation>Udelad denne kolonne</translation>
        </message>
        <message>
            <source>These column headings are not known. Choose the field each one holds, or leave the column out. Your choice is remembered for files with the same headings.</source>
            <translation>Disse kolonneoverskrifter kendes ikke. Vælg det felt, hver kolonne indeholder, eller udelad kolonnen. Dit valg huskes til filer med de samme overskrifter.</translation>
        </message>
        <message>
            <source>The choices you made last time for these headings are filled in.</source>
            <translation>De valg, du traf sidst for disse overskrifter, er udfyldt.</translation>
        </message>
        <message>
            <source>Checking the file…</source>
            <translation>Kontrollerer filen…</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Række</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>Nr.</translation>
        </message>
        <message numerus="yes">
            <source>Problems (%n):</source>
            <translation>
                <numerusform>Problemer (%n):</numerusform>
                <numerusform>Problemer (%n):</numerusform>
            </translation>
        </message>
        <message>
            <source>Problems: none</source>
            <translation>Problemer: ingen</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) found. Nothing has been written. Correct the file and press Check again, or go back and change the column choices.</source>
            <translation>
                <numerusform>%n problem fundet. Intet er skrevet. Ret filen og tryk på Kontrollér igen, eller gå tilbage og ændr valgene for kolonnerne.</numerusform>
                <numerusform>%n problemer fundet. Intet er skrevet. Ret filen og tryk på Kontrollér igen, eller gå tilbage og ændr valgene for kolonnerne.</numerusform>
            </translation>
        </message>
        <message>
            <source>The file holds no initiatives. Nothing has been written.</source>
            <translation>Filen indeholder ingen initiativer. Intet er skrevet.</translation>
        </message>
        <message numerus="yes">
            <source>%n initiative(s) are ready to import. Nothing has been written yet.</source>
            <translation>
                <numerusform>%n initiativ er klar til import. Intet er skrevet endnu.</numerusform>
                <numerusform>%n initiativer er klar til import. Intet er skrevet endnu.</numerusform>
            </translation>
        </message>
        <message>
            <source>Showing the first %1 of %2 rows.</source>
            <translation>Viser de første %1 af %2 rækker.</translation>
        </message>
        <message>
            <source>Read as: %1.</source>
            <translation>Læst som: %1.</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>Importerer…</translation>
        </message>
        <message>
            <source>Imported %1 new and %2 updated initiatives, %3 new stakeholders.</source>
            <translation>Importerede %1 nye og %2 opdaterede initiativer, %3 nye aktører.</translation>
        </message>
        <message>
            <source>Excel workbook, a sheet per entity (*.xlsx)</source>
            <translation>Excel-projektmappe, et ark pr. slags oplysning (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV for Excel, initiatives only (*.csv)</source>
            <translation>CSV til Excel, kun initiativer (*.csv)</translation>
        </message>
        <message>
            <source>Interchange file (*.json)</source>
            <translation>Udvekslingsfil (*.json)</translation>
        </message>
        <message>
            <source>Export the shown initiatives</source>
            <translation>Eksportér de viste initiativer</translation>
        </message>
        <message>
            <source>Exported %1 initiatives to %2</source>
            <translation>Eksporterede %1 initiativer til %2</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>Eksporterer…</translation>
        </message>
        <message>
            <source>“;” (semicolon)</source>
            <translation>“;” (semikolon)</translation>
        </message>
        <message>
            <source>“,” (comma)</source>
            <translation>“,” (komma)</translation>
        </message>
        <message>
            <source>tab</source>
            <translation>tabulator</translation>
        </message>
        <message>
            <source>for example: %1</source>
            <translation>for eksempel: %1</translation>
        </message>
        <message>
            <source>Change the field a column is read as, or leave it out; the columns with problems come first.</source>
            <translation>Ret det felt, en kolonne læses som, eller udelad den; kolonnerne med problemer står først.</translation>
        </message>
        <message>
            <source>Interchange file with the documents (*.coprodz)</source>
            <translation>Udvekslingsfil med dokumenterne (*.coprodz)</translation>
        </message>
        <message>
            <source>Public map of the initiatives with a place, for a GIS (*.geojson)</source>
            <translation>Offentligt kort over initiativerne med et sted, til GIS (*.geojson)</translation>
        </message>
    </context>
    <context>
        <name>InitiativeEditor</name>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Gem</translation>
        </message>
        <message>
            <source>Save this initiative (Ctrl+S)</source>
            <translation>Gem dette initiativ (Ctrl+S)</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>&amp;Fortryd ændringer</translation>
        </message>
        <message>
            <source>Throw away the changes since the last save</source>
            <translation>Kassér ændringerne siden sidste gem</translation>
        </message>
        <message>
            <source>Brief…</source>
            <translation>Notat …</translation>
        </message>
        <message>
            <source>Preview and print a brief of this initiative (PDF)</source>
            <translation>Se og udskriv et notat om initiativet (PDF)</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Overblik</translation>
        </message>
        <message>
            <source>Classification</source>
            <translation>Klassificering</translation>
        </message>
        <message>
            <source>Stakeholders</source>
            <translation>Aktører</translation>
        </message>
        <message>
            <source>Mandate</source>
            <translation>Mandat</translation>
        </message>
        <message>
            <source>Resources</source>
            <translation>Ressourcer</translation>
        </message>
        <message>
            <source>Cross-pressures</source>
            <translation>Krydspres</translation>
        </message>
        <message>
            <source>Journal</source>
            <translation>Journal</translation>
        </message>
        <message>
            <source>Reviews</source>
            <translation>Gennemgange</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Historik</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Resumé</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>Beskrivelse</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>Sektor</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>Område</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Origin</source>
            <translation>Oprindelse</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Ansvarlig</translation>
        </message>
        <message>
            <source>Responsible manager</source>
            <translation>Ansvarlig leder</translation>
        </message>
        <message>
            <source>Start date</source>
            <translation>Startdato</translation>
        </message>
        <message>
            <source>End date</source>
            <translation>Slutdato</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>Næste gennemgang</translation>
        </message>
        <message>
            <source>KLE topic</source>
            <translation>KLE-emne</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Secondary type</source>
            <translation>Sekundær type</translation>
        </message>
        <message>
            <source>Rationale</source>
            <translation>Begrundelse</translation>
        </message>
        <message>
            <source>Participation level (IAP2)</source>
            <translation>Deltagelsesniveau (IAP2)</translation>
        </message>
        <message>
            <source>Public values</source>
            <translation>Offentlig værdi</translation>
        </message>
        <message>
            <source>Frontline role</source>
            <translation>Frontmedarbejderens rolle</translation>
        </message>
        <message>
            <source>Given on first save, e.g. CP-2026-001</source>
            <translation>Tildeles ved første gem, fx CP-2026-001</translation>
        </message>
        <message>
            <source>e.g. 00.01.00</source>
            <translation>fx 00.01.00</translation>
        </message>
        <message>
            <source>At a glance</source>
            <translation>Kort fortalt</translation>
        </message>
        <message>
            <source>Which practice of co-production is this? Each card summarises one type of the typology by Agger &amp; Tortzen (2023).</source>
            <translation>Hvilken form for samskabelse er dette? Hvert kort opsummerer én type i typologien af Agger &amp; Tortzen (2023).</translation>
        </message>
        <message>
            <source>Not classified yet</source>
            <translation>Endnu ikke klassificeret</translation>
        </message>
        <message>
            <source>Type: %1</source>
            <translation>Type: %1</translation>
        </message>
        <message>
            <source>Classification &amp;assistant…</source>
            <translation>&amp;Klassifikationshjælper …</translation>
        </message>
        <message>
            <source>Answer a few plain questions; the assistant suggests a type</source>
            <translation>Besvar nogle få enkle spørgsmål; hjælperen foreslår en type</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(ingen)</translation>
        </message>
        <message>
            <source>The IAP2 spectrum: inform, consult, involve, collaborate, empower</source>
            <translation>IAP2-spektret: informere, høre, inddrage, samarbejde, overdrage beslutninger</translation>
        </message>
        <message>
            <source>Stakeholder</source>
            <translation>Aktør</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Slags</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <source>Influence</source>
            <translation>Indflydelse</translation>
        </message>
        <message>
            <source>Interest</source>
            <translation>Interesse</translation>
        </message>
        <message>
            <source>Trust</source>
            <translation>Tillid</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>Med fra</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>Ude fra</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Stakeholders of this initiative</source>
            <translation>Initiativets aktører</translation>
        </message>
        <message>
            <source>Add &amp;existing…</source>
            <translation>Tilføj &amp;eksisterende …</translation>
        </message>
        <message>
            <source>&amp;New stakeholder…</source>
            <translation>&amp;Ny aktør …</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Fjern</translation>
        </message>
        <message>
            <source>Decided on</source>
            <translation>Besluttet</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Niveau</translation>
        </message>
        <message>
            <source>Clarity</source>
            <translation>Klarhed</translation>
        </message>
        <message>
            <source>Granted by</source>
            <translation>Givet af</translation>
        </message>
        <message>
            <source>Scope (may decide without asking)</source>
            <translation>Råderum (må beslutte uden at spørge)</translation>
        </message>
        <message>
            <source>Political anchoring</source>
            <translation>Politisk forankring</translation>
        </message>
        <message>
            <source>Committee</source>
            <translation>Udvalg</translation>
        </message>
        <message>
            <source>Case no.</source>
            <translation>Sagsnr.</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Gælder til</translation>
        </message>
        <message>
            <source>The mandates granted over time; the latest one is the current mandate.</source>
            <translation>De mandater, der er givet over tid; det seneste er det gældende mandat.</translation>
        </message>
        <message>
            <source>Mandates</source>
            <translation>Mandater</translation>
        </message>
        <message>
            <source>&amp;Add mandate</source>
            <translation>&amp;Tilføj mandat</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Dato</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Mængde</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Enhed</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Planlagt</translation>
        </message>
        <message>
            <source>From stakeholder</source>
            <translation>Fra aktør</translation>
        </message>
        <message>
            <source>Internal unit</source>
            <translation>Intern enhed</translation>
        </message>
        <message>
            <source>Resource ledger</source>
            <translation>Ressourceregnskab</translation>
        </message>
        <message>
            <source>&amp;Add entry</source>
            <translation>&amp;Tilføj post</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Alvor</translation>
        </message>
        <message>
            <source>Coping strategy</source>
            <translation>Mestringsstrategi</translation>
        </message>
        <message>
            <source>Raised on</source>
            <translation>Rejst den</translation>
        </message>
        <message>
            <source>Resolved on</source>
            <translation>Løst den</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Løsning</translation>
        </message>
        <message>
            <source>&amp;Add cross-pressure</source>
            <translation>&amp;Tilføj krydspres</translation>
        </message>
        <message>
            <source>Participants</source>
            <translation>Deltagere</translation>
        </message>
        <message>
            <source>Follow up on</source>
            <translation>Følg op den</translation>
        </message>
        <message>
            <source>&amp;Participants…</source>
            <translation>&amp;Deltagere …</translation>
        </message>
        <message>
            <source>Audit trail</source>
            <translation>Ændringslog</translation>
        </message>
        <message>
            <source>Every saved change, newest first.</source>
            <translation>Alle gemte ændringer, nyeste først.</translation>
        </message>
        <message>
            <source>New initiative</source>
            <translation>Nyt initiativ</translation>
        </message>
        <message>
            <source>(new)</source>
            <translation>(nyt)</translation>
        </message>
        <message>
            <source>Completeness:</source>
            <translation>Fuldstændighed:</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Type:</translation>
        </message>
        <message>
            <source>not classified</source>
            <translation>ikke klassificeret</translation>
        </message>
        <message>
            <source>Suggested type:</source>
            <translation>Foreslået type:</translation>
        </message>
        <message>
            <source>Open cross-pressures:</source>
            <translation>Åbne krydspres:</translation>
        </message>
        <message>
            <source>Needs attention:</source>
            <translation>Kræver opmærksomhed:</translation>
        </message>
        <message>
            <source>No attention signals.</source>
            <translation>Ingen opmærksomhedssignaler.</translation>
        </message>
        <message>
            <source>The recorded facts point to: %1</source>
            <translation>De registrerede oplysninger peger på: %1</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>timer</translation>
        </message>
        <message>
            <source>Actual</source>
            <translation>Faktisk</translation>
        </message>
        <message>
            <source>Municipal input</source>
            <translation>Kommunal indsats</translation>
        </message>
        <message>
            <source>Mobilised from outside</source>
            <translation>Mobiliseret udefra</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>I alt</translation>
        </message>
        <message>
            <source>Select a cross-pressure to see what its category means.</source>
            <translation>Vælg et krydspres for at se, hvad kategorien betyder.</translation>
        </message>
        <message>
            <source>Edit stakeholders</source>
            <translation>Ret aktører</translation>
        </message>
        <message>
            <source>Edit mandates</source>
            <translation>Ret mandater</translation>
        </message>
        <message>
            <source>Edit resources</source>
            <translation>Ret ressourcer</translation>
        </message>
        <message>
            <source>Edit cross-pressures</source>
            <translation>Ret krydspres</translation>
        </message>
        <message>
            <source>Edit journal</source>
            <translation>Ret journal</translation>
        </message>
        <message>
            <source>Edit reviews</source>
            <translation>Redigér gennemgange</translation>
        </message>
        <message>
            <source>Remove row</source>
            <translation>Fjern række</translation>
        </message>
        <message>
            <source>Add stakeholder</source>
            <translation>Tilføj aktør</translation>
        </message>
        <message>
            <source>Add stakeholders</source>
            <translation>Tilføj aktører</translation>
        </message>
        <message>
            <source>Add mandate</source>
            <translation>Tilføj mandat</translation>
        </message>
        <message>
            <source>Add resource</source>
            <translation>Tilføj ressource</translation>
        </message>
        <message>
            <source>Add cross-pressure</source>
            <translation>Tilføj krydspres</translation>
        </message>
        <message>
            <source>Add journal entry</source>
            <translation>Tilføj journalnotat</translation>
        </message>
        <message>
            <source>Edit participants</source>
            <translation>Ret deltagere</translation>
        </message>
        <message>
            <source>Row %1, %2: %3</source>
            <translation>Række %1, %2: %3</translation>
        </message>
        <message numerus="yes">
            <source>Not saved: %n field(s) need attention (marked below).</source>
            <translation>
                <numerusform>Ikke gemt: %n felt skal rettes (markeret nedenfor).</numerusform>
                <numerusform>Ikke gemt: %n felter skal rettes (markeret nedenfor).</numerusform>
            </translation>
        </message>
        <message>
            <source>Not saved: correct the dates marked below (use YYYY-MM-DD).</source>
            <translation>Ikke gemt: ret de markerede datoer (fx 15.1.2027 eller 15-01-2027).</translation>
        </message>
        <message>
            <source>Saved by someone else</source>
            <translation>Gemt af en anden</translation>
        </message>
        <message>
            <source>Revert to load their version, then make your changes again.</source>
            <translation>Fortryd ændringer for at hente deres version, og foretag så dine ændringer igen.</translation>
        </message>
        <message>
            <source>Cannot save</source>
            <translation>Kan ikke gemme</translation>
        </message>
        <message>
            <source>Cannot revert</source>
            <translation>Kan ikke fortryde</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Ikke-gemte ændringer</translation>
        </message>
        <message>
            <source>Save the changes to “%1” before closing?</source>
            <translation>Gem ændringerne i “%1”, før fanen lukkes?</translation>
        </message>
        <message>
            <source>Rever&amp;t</source>
            <translation>Fortr&amp;yd ændringer</translation>
        </message>
        <message>
            <source>Add e&amp;xisting…</source>
            <translation>Tilføj &amp;eksisterende …</translation>
        </message>
        <message>
            <source>&amp;Add mandate…</source>
            <translation>&amp;Tilføj mandat …</translation>
        </message>
        <message>
            <source>&amp;Add entry…</source>
            <translation>&amp;Tilføj post …</translation>
        </message>
        <message>
            <source>&amp;Add cross-pressure…</source>
            <translation>&amp;Tilføj krydspres …</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>Redigér …</translation>
        </message>
        <message>
            <source>New mandate</source>
            <translation>Nyt mandat</translation>
        </message>
        <message>
            <source>New resource entry</source>
            <translation>Ny ressourcepost</translation>
        </message>
        <message>
            <source>Resource entry</source>
            <translation>Ressourcepost</translation>
        </message>
        <message>
            <source>New cross-pressure</source>
            <translation>Nyt krydspres</translation>
        </message>
        <message>
            <source>Cross-pressure</source>
            <translation>Krydspres</translation>
        </message>
        <message>
            <source>New journal entry</source>
            <translation>Nyt journalnotat</translation>
        </message>
        <message>
            <source>Journal entry</source>
            <translation>Journalnotat</translation>
        </message>
        <message>
            <source>Commitment from this entry</source>
            <translation>Aftale fra dette notat</translation>
        </message>
        <message>
            <source>Commitments</source>
            <translation>Aftaler</translation>
        </message>
        <message>
            <source>Edit commitments</source>
            <translation>Redigér aftaler</translation>
        </message>
        <message>
            <source>Open commitments:</source>
            <translation>Åbne aftaler:</translation>
        </message>
        <message>
            <source>%1 (%2 overdue)</source>
            <translation>%1 (%2 overskredet)</translation>
        </message>
        <message>
            <source>Outcomes</source>
            <translation>Resultater</translation>
        </message>
        <message>
            <source>Co-production phases</source>
            <translation>Samskabelsesfaser</translation>
        </message>
        <message>
            <source>Latitude</source>
            <translation>Breddegrad</translation>
        </message>
        <message>
            <source>Longitude</source>
            <translation>Længdegrad</translation>
        </message>
        <message>
            <source>WGS84, e.g. 56.1572</source>
            <translation>WGS84, fx 56,1572</translation>
        </message>
        <message>
            <source>WGS84, e.g. 10.2107</source>
            <translation>WGS84, fx 10,2107</translation>
        </message>
        <message>
            <source>Edit outcomes</source>
            <translation>Rediger resultater</translation>
        </message>
        <message>
            <source>From the text: %1</source>
            <translation>Ud fra teksten: %1</translation>
        </message>
        <message>
            <source>Add commitment</source>
            <translation>Tilføj aftale</translation>
        </message>
        <message>
            <source>Add outcome</source>
            <translation>Tilføj resultat</translation>
        </message>
        <message>
            <source>Commitment</source>
            <translation>Aftale</translation>
        </message>
        <message>
            <source>New commitment</source>
            <translation>Ny aftale</translation>
        </message>
        <message>
            <source>New outcome</source>
            <translation>Nyt resultat</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Resultat</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Dokumenter</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Portfolio</source>
            <translation>Portefølje</translation>
        </message>
        <message>
            <source>&amp;New initiative</source>
            <translation>&amp;Nyt initiativ</translation>
        </message>
        <message>
            <source>Log a new co-production initiative</source>
            <translation>Registrér et nyt samskabelsesinitiativ</translation>
        </message>
        <message>
            <source>New &amp;database…</source>
            <translation>Ny &amp;database …</translation>
        </message>
        <message>
            <source>&amp;Open database…</source>
            <translation>&amp;Åbn database …</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Gem</translation>
        </message>
        <message>
            <source>Save the initiative in the current tab</source>
            <translation>Gem initiativet i den aktuelle fane</translation>
        </message>
        <message>
            <source>&amp;Close tab</source>
            <translation>&amp;Luk fane</translation>
        </message>
        <message>
            <source>&amp;Backup…</source>
            <translation>&amp;Sikkerhedskopi …</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Importér …</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Eksportér …</translation>
        </message>
        <message>
            <source>Se&amp;ttings…</source>
            <translation>&amp;Indstillinger …</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Afslut</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Søg</translation>
        </message>
        <message>
            <source>Change &amp;status of selected…</source>
            <translation>Skift &amp;status for de valgte …</translation>
        </message>
        <message>
            <source>Change &amp;owner of selected…</source>
            <translation>Skift &amp;ansvarlig for de valgte …</translation>
        </message>
        <message>
            <source>&amp;Portfolio</source>
            <translation>&amp;Portefølje</translation>
        </message>
        <message>
            <source>&amp;Stakeholder registry</source>
            <translation>&amp;Aktørregister</translation>
        </message>
        <message>
            <source>Search, edit and merge stakeholders</source>
            <translation>Søg i, ret og flet aktører</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Opdatér</translation>
        </message>
        <message>
            <source>&amp;Typology guide</source>
            <translation>&amp;Typologiguide</translation>
        </message>
        <message>
            <source>&amp;About coprod-desktop</source>
            <translation>&amp;Om coprod-desktop</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Fortryd</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Gentag</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Filer</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>Åbn &amp;seneste</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Rediger</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Vis</translation>
        </message>
        <message>
            <source>Portfolio &amp;columns</source>
            <translation>Porteføljens &amp;kolonner</translation>
        </message>
        <message>
            <source>&amp;Reports</source>
            <translation>R&amp;apporter</translation>
        </message>
        <message>
            <source>Initiative brief (PDF)…</source>
            <translation>Notat om initiativet (PDF) …</translation>
        </message>
        <message>
            <source>Portfolio review (PDF)…</source>
            <translation>Porteføljegennemgang (PDF) …</translation>
        </message>
        <message>
            <source>Committee brief (PDF)…</source>
            <translation>Udvalgsnotat (PDF) …</translation>
        </message>
        <message>
            <source>Printed briefs are not available in this version yet</source>
            <translation type="vanished">Trykte notater findes endnu ikke i denne version</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hjælp</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>Hovedværktøjslinje</translation>
        </message>
        <message>
            <source>(no recent databases)</source>
            <translation>(ingen seneste databaser)</translation>
        </message>
        <message>
            <source>no database open</source>
            <translation>ingen database åben</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>Åbner databasen …</translation>
        </message>
        <message>
            <source>%1 of %2 initiatives shown</source>
            <translation>%1 af %2 initiativer vises</translation>
        </message>
        <message numerus="yes">
            <source>%n selected</source>
            <translation>
                <numerusform>%n valgt</numerusform>
                <numerusform>%n valgt</numerusform>
            </translation>
        </message>
        <message>
            <source>New database</source>
            <translation>Ny database</translation>
        </message>
        <message>
            <source>Portfolio databases (%1)</source>
            <translation>Porteføljedatabaser (%1)</translation>
        </message>
        <message>
            <source>That file already exists; use Open database to open it.</source>
            <translation>Filen findes allerede; brug Åbn database for at åbne den.</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>Åbn database</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>Noget gik galt</translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation>Uventet fejl</translation>
        </message>
        <message>
            <source>Something unexpected went wrong: %1</source>
            <translation>Noget uventet gik galt: %1</translation>
        </message>
        <message>
            <source>Stakeholders</source>
            <translation>Aktører</translation>
        </message>
        <message>
            <source>About coprod-desktop</source>
            <translation>Om coprod-desktop</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;coprod-desktop %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Case management for frontline co-producers in Danish municipalities.&lt;/p&gt;&lt;p&gt;The typology and the cross-pressures follow Agger &amp;amp; Tortzen (2023), “Co-production on the inside”, &lt;i&gt;Local Government Studies&lt;/i&gt; 49(4).&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;coprod-desktop %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Sagsstyring for frontmedarbejdere, der samskaber i danske kommuner.&lt;/p&gt;&lt;p&gt;Typologien og krydspresset bygger på Agger &amp;amp; Tortzen (2023), “Co-production on the inside”, &lt;i&gt;Local Government Studies&lt;/i&gt; 49(4).&lt;/p&gt;</translation>
        </message>
        <message numerus="yes">
            <source>%n initiative(s) changed</source>
            <translation>
                <numerusform>%n initiativ ændret</numerusform>
                <numerusform>%n initiativer ændret</numerusform>
            </translation>
        </message>
        <message>
            <source>Select initiatives in the portfolio first</source>
            <translation>Vælg først initiativer i porteføljen</translation>
        </message>
        <message>
            <source>Change status</source>
            <translation>Skift status</translation>
        </message>
        <message>
            <source>New status for the selected initiatives:</source>
            <translation>Ny status for de valgte initiativer:</translation>
        </message>
        <message>
            <source>Change owner</source>
            <translation>Skift ansvarlig</translation>
        </message>
        <message>
            <source>New owner for the selected initiatives:</source>
            <translation>Ny ansvarlig for de valgte initiativer:</translation>
        </message>
        <message>
            <source>Loading the demo portfolio…</source>
            <translation>Indlæser demoporteføljen …</translation>
        </message>
        <message>
            <source>Import initiatives</source>
            <translation type="vanished">Importér initiativer</translation>
        </message>
        <message>
            <source>Interchange files (*.json)</source>
            <translation type="vanished">Udvekslingsfiler (*.json)</translation>
        </message>
        <message>
            <source>Import</source>
            <translation type="vanished">Import</translation>
        </message>
        <message>
            <source>Imported %1 new and %2 updated initiatives, %3 new stakeholders.</source>
            <translation type="vanished">Importerede %1 nye og %2 opdaterede initiativer og %3 nye aktører.</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation type="vanished">Importerer …</translation>
        </message>
        <message>
            <source>Export the shown initiatives</source>
            <translation type="vanished">Eksportér de viste initiativer</translation>
        </message>
        <message>
            <source>Exported %1 initiatives to %2</source>
            <translation type="vanished">Eksporterede %1 initiativer til %2</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation type="vanished">Eksporterer …</translation>
        </message>
        <message>
            <source>Back up the database</source>
            <translation>Tag en sikkerhedskopi af databasen</translation>
        </message>
        <message>
            <source>Backup written to %1</source>
            <translation>Sikkerhedskopi skrevet til %1</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Tager sikkerhedskopi …</translation>
        </message>
        <message>
            <source>&amp;Field guide (spreadsheet columns)</source>
            <translation>&amp;Feltvejledning (regnearkets kolonner)</translation>
        </message>
        <message>
            <source>P&amp;ersons (personal data)</source>
            <translation>P&amp;ersoner (personoplysninger)</translation>
        </message>
        <message>
            <source>Re&amp;tention review</source>
            <translation>Gennemgang af &amp;opbevaring</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Gemmer …</translation>
        </message>
    </context>
    <context>
        <name>NameReviewDialog</name>
        <message>
            <source>Names in the public brief</source>
            <translation>Navne i det offentlige notat</translation>
        </message>
        <message>
            <source>The brief would print these phrases, which look like names and are not a known organisation, place or label. Keep a phrase only if it may be published; otherwise replace it. Your decisions are remembered for the next brief and shared with everyone using this database.</source>
            <translation>Notatet ville vise disse udtryk, som ligner navne og ikke er en kendt organisation, et kendt sted eller en kendt betegnelse. Behold kun et udtryk, hvis det må offentliggøres; ellers erstat det. Dine beslutninger huskes til næste notat og deles med alle, der bruger denne database.</translation>
        </message>
        <message>
            <source>Phrase</source>
            <translation>Udtryk</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Hvor</translation>
        </message>
        <message>
            <source>Text around it</source>
            <translation>Teksten omkring</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Beslutning</translation>
        </message>
        <message>
            <source>Print instead</source>
            <translation>Vis i stedet</translation>
        </message>
        <message>
            <source>a person</source>
            <translation>en person</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>Behold</translation>
        </message>
        <message>
            <source>Replace</source>
            <translation>Erstat</translation>
        </message>
        <message>
            <source>Decision on %1</source>
            <translation>Beslutning om %1</translation>
        </message>
        <message>
            <source>Print instead of %1</source>
            <translation>Vis i stedet for %1</translation>
        </message>
        <message>
            <source>Save and make the brief</source>
            <translation>Gem og lav notatet</translation>
        </message>
        <message>
            <source>Say what to print instead of “%1”, or keep it.</source>
            <translation>Angiv, hvad der skal stå i stedet for “%1”, eller behold det.</translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message>
            <source>%1 – preview</source>
            <translation>%1 – forhåndsvisning</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Forhåndsvisning</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Udskriv …</translation>
        </message>
        <message>
            <source>Save &amp;as…</source>
            <translation>Gem &amp;som …</translation>
        </message>
        <message>
            <source>Fit &amp;width</source>
            <translation>Tilpas &amp;bredde</translation>
        </message>
        <message>
            <source>Whole &amp;page</source>
            <translation>&amp;Hel side</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Zoom &amp;ud</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;ind</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Luk</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>Side %1 af %2</translation>
        </message>
        <message>
            <source>Save the brief</source>
            <translation>Gem notatet</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF-dokumenter (*.pdf)</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Ikke gemt</translation>
        </message>
        <message>
            <source>The brief could not be saved to %1: %2</source>
            <translation>Notatet kunne ikke gemmes i %1: %2</translation>
        </message>
        <message>
            <source>Saved to %1</source>
            <translation>Gemt i %1</translation>
        </message>
        <message>
            <source>Print the brief</source>
            <translation>Udskriv notatet</translation>
        </message>
        <message>
            <source>Not printed</source>
            <translation>Ikke udskrevet</translation>
        </message>
        <message>
            <source>The printer could not be started. Check that it is ready.</source>
            <translation>Printeren kunne ikke startes. Kontrollér, at den er klar.</translation>
        </message>
        <message>
            <source>Pages sent to the printer: %1</source>
            <translation>Sider sendt til printeren: %1</translation>
        </message>
    </context>
    <context>
        <name>PersonModel</name>
        <message>
            <source>Name</source>
            <translation>Navn</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Slags</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Retain until</source>
            <translation>Opbevares til</translation>
        </message>
        <message>
            <source>Initiatives</source>
            <translation>Initiativer</translation>
        </message>
        <message>
            <source>The retention date has passed: review or erase</source>
            <translation>Opbevaringsdatoen er overskredet: gennemgå eller slet</translation>
        </message>
    </context>
    <context>
        <name>PersonRecordPanel</name>
        <message>
            <source>Kind</source>
            <translation>Slags</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>Lawful basis</source>
            <translation>Behandlingsgrundlag</translation>
        </message>
        <message>
            <source>Consent date</source>
            <translation>Samtykkedato</translation>
        </message>
        <message>
            <source>Retain until</source>
            <translation>Opbevares til</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Noter</translation>
        </message>
        <message>
            <source>Initiative</source>
            <translation>Initiativ</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>Med fra</translation>
        </message>
        <message>
            <source>Involvements</source>
            <translation>Deltagelse</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Dato</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Resumé</translation>
        </message>
        <message>
            <source>Journal</source>
            <translation>Journal</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Hvornår</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Hvem</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Handling</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Formål</translation>
        </message>
        <message>
            <source>Access log</source>
            <translation>Adgangslog</translation>
        </message>
        <message>
            <source>opened</source>
            <translation>åbnet</translation>
        </message>
        <message>
            <source>access request export</source>
            <translation>eksport til indsigtsanmodning</translation>
        </message>
        <message>
            <source>Involvements (%1)</source>
            <translation>Deltagelse (%1)</translation>
        </message>
        <message>
            <source>Journal (%1)</source>
            <translation>Journal (%1)</translation>
        </message>
        <message>
            <source>Access log (%1)</source>
            <translation>Adgangslog (%1)</translation>
        </message>
    </context>
    <context>
        <name>PersonsView</name>
        <message>
            <source>The person is erased. Only the final clean-up of the database file failed (%1), so erased values may remain in the file's free space until it is repeated. Close other programs that use the database and repeat it; it is also repeated the next time the database is opened.</source>
            <translation>Personen er slettet. Kun den afsluttende oprydning af databasefilen mislykkedes (%1), så slettede værdier kan ligge tilbage i filens frie plads, indtil den gentages. Luk andre programmer, der bruger databasen, og gentag den; den gentages også, næste gang databasen åbnes.</translation>
        </message>
        <message>
            <source>&amp;Repeat the clean-up</source>
            <translation>&amp;Gentag oprydningen</translation>
        </message>
        <message>
            <source>The clean-up is finished: the file holds no erased values.</source>
            <translation>Oprydningen er færdig: filen indeholder ingen slettede værdier.</translation>
        </message>
        <message>
            <source>Wiping the database file…</source>
            <translation>Renser databasefilen …</translation>
        </message>
        <message>
            <source>Which persons</source>
            <translation>Hvilke personer</translation>
        </message>
        <message>
            <source>All natural persons</source>
            <translation>Alle fysiske personer</translation>
        </message>
        <message>
            <source>Retention review: retention date passed</source>
            <translation>Gennemgang af opbevaring: opbevaringsdatoen er overskredet</translation>
        </message>
        <message>
            <source>Persons</source>
            <translation>Personer</translation>
        </message>
        <message>
            <source>&amp;Open record</source>
            <translation>&amp;Åbn oplysninger</translation>
        </message>
        <message>
            <source>The opening is logged with its purpose</source>
            <translation>Åbningen logges med sit formål</translation>
        </message>
        <message>
            <source>&amp;Erase…</source>
            <translation>&amp;Slet…</translation>
        </message>
        <message>
            <source>&amp;Access request…</source>
            <translation>&amp;Indsigtsanmodning…</translation>
        </message>
        <message>
            <source>Export everything held about the person as JSON and PDF</source>
            <translation>Eksportér alt, hvad der er registreret om personen, som JSON og PDF</translation>
        </message>
        <message>
            <source>Select a person and press Open record (or double-click). Each opening is logged with the purpose you give once per working session.</source>
            <translation>Vælg en person, og tryk på Åbn oplysninger (eller dobbeltklik). Hver åbning logges med det formål, du angiver én gang pr. arbejdssession.</translation>
        </message>
        <message numerus="yes">
            <source>%n person(s) kept beyond their retention date</source>
            <translation>
                <numerusform>%n person opbevaret ud over sin opbevaringsdato</numerusform>
                <numerusform>%n personer opbevaret ud over deres opbevaringsdato</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n natural person(s)</source>
            <translation>
                <numerusform>%n fysisk person</numerusform>
                <numerusform>%n fysiske personer</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>Kan ikke åbne</translation>
        </message>
        <message>
            <source>Erasing…</source>
            <translation>Sletter…</translation>
        </message>
        <message>
            <source>Erased. The record is now “%1”.</source>
            <translation>Slettet. Oplysningerne står nu som “%1”.</translation>
        </message>
        <message>
            <source>Erasing the person and wiping the database file…</source>
            <translation>Sletter personen og renser databasefilen…</translation>
        </message>
        <message>
            <source>Something unexpected went wrong: %1</source>
            <translation>Noget uventet gik galt: %1</translation>
        </message>
        <message>
            <source>Personal data</source>
            <translation>Personoplysninger</translation>
        </message>
        <message>
            <source>Access request: save everything held about %1</source>
            <translation>Indsigtsanmodning: gem alt, hvad der er registreret om %1</translation>
        </message>
        <message>
            <source>JSON, with a PDF beside it (*.json)</source>
            <translation>JSON med en PDF ved siden af (*.json)</translation>
        </message>
        <message>
            <source>Access request (GDPR art. 15)</source>
            <translation>Indsigtsanmodning (GDPR art. 15)</translation>
        </message>
        <message>
            <source>Access request saved: %1</source>
            <translation>Indsigtsanmodning gemt: %1</translation>
        </message>
        <message>
            <source>Writing the access request…</source>
            <translation>Skriver indsigtsanmodningen…</translation>
        </message>
        <message>
            <source>No one is kept beyond their retention date.</source>
            <translation>Ingen opbevares ud over deres opbevaringsdato.</translation>
        </message>
    </context>
    <context>
        <name>PortfolioModel</name>
        <message>
            <source>Reference</source>
            <translation>Reference</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>Sektor</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Ansvarlig</translation>
        </message>
        <message>
            <source>Open pressures</source>
            <translation>Åbne krydspres</translation>
        </message>
        <message>
            <source>Attention</source>
            <translation>Opmærksomhed</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>Næste gennemgang</translation>
        </message>
        <message>
            <source>Complete</source>
            <translation>Udfyldt</translation>
        </message>
        <message>
            <source>Signals that need a manager's attention</source>
            <translation>Signaler, som en leder bør se på</translation>
        </message>
        <message>
            <source>Share of the fields a manager expects to be filled</source>
            <translation>Andel af de felter, en leder forventer er udfyldt</translation>
        </message>
        <message>
            <source>(not classified)</source>
            <translation>(ikke klassificeret)</translation>
        </message>
        <message>
            <source>No signals</source>
            <translation>Ingen signaler</translation>
        </message>
    </context>
    <context>
        <name>PortfolioView</name>
        <message>
            <source>Portfolio</source>
            <translation>Portefølje</translation>
        </message>
        <message>
            <source>This portfolio is empty</source>
            <translation>Porteføljen er tom</translation>
        </message>
        <message>
            <source>Log your first co-production initiative, or load the demo portfolio to look around.</source>
            <translation>Registrér dit første samskabelsesinitiativ, eller indlæs demoporteføljen for at se dig omkring.</translation>
        </message>
        <message>
            <source>New initiative</source>
            <translation>Nyt initiativ</translation>
        </message>
        <message>
            <source>Load demo portfolio</source>
            <translation>Indlæs demoportefølje</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>Vis alle</translation>
        </message>
        <message>
            <source>Clear the selection from the dashboard</source>
            <translation>Ryd udvalget fra overblikstavlen</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Stop</translation>
        </message>
        <message>
            <source>Stop working out attention signals</source>
            <translation>Stop udregningen af opmærksomhedssignaler</translation>
        </message>
        <message>
            <source>Working out attention signals…</source>
            <translation>Udregner opmærksomhedssignaler …</translation>
        </message>
        <message>
            <source>Working out attention signals… %1 of %2 initiatives</source>
            <translation>Udregner opmærksomhedssignaler … %1 af %2 initiativer</translation>
        </message>
        <message numerus="yes">
            <source>Showing %n initiative(s) from the dashboard: %1</source>
            <translation>
                <numerusform>Viser %n initiativ fra overblikstavlen: %1</numerusform>
                <numerusform>Viser %n initiativer fra overblikstavlen: %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Clear all filters</source>
            <translation>Ryd alle filtre</translation>
        </message>
        <message>
            <source>Show the whole portfolio again</source>
            <translation>Vis hele porteføljen igen</translation>
        </message>
        <message>
            <source>No initiatives match these filters.</source>
            <translation>Ingen initiativer passer til disse filtre.</translation>
        </message>
    </context>
    <context>
        <name>PurposeDialog</name>
        <message>
            <source>Purpose of looking at personal data</source>
            <translation>Formål med at se personoplysninger</translation>
        </message>
        <message>
            <source>Every opening of a person's record is logged with its purpose, so that a citizen who asks can be told who looked at their data, when and why. Why are you opening personal data in this working session? You are asked once until the program is closed.</source>
            <translation>Hver åbning af en persons oplysninger logges med sit formål, så en borger, der spørger, kan få at vide, hvem der har set vedkommendes oplysninger, hvornår og hvorfor. Hvorfor åbner du personoplysninger i denne arbejdssession? Du bliver spurgt én gang, indtil programmet lukkes.</translation>
        </message>
        <message>
            <source>Case work on an initiative the person takes part in</source>
            <translation>Sagsbehandling i et initiativ, personen deltager i</translation>
        </message>
        <message>
            <source>Contacting the person</source>
            <translation>Kontakt til personen</translation>
        </message>
        <message>
            <source>Answering the person's own request (access, correction, erasure)</source>
            <translation>Svar på personens egen anmodning (indsigt, berigtigelse, sletning)</translation>
        </message>
        <message>
            <source>Retention review</source>
            <translation>Gennemgang af opbevaring</translation>
        </message>
        <message>
            <source>Correcting the person's details</source>
            <translation>Rettelse af personens oplysninger</translation>
        </message>
        <message>
            <source>&amp;Other:</source>
            <translation>&amp;Andet:</translation>
        </message>
        <message>
            <source>Other purpose</source>
            <translation>Andet formål</translation>
        </message>
        <message>
            <source>Describe the purpose</source>
            <translation>Beskriv formålet</translation>
        </message>
    </context>
    <context>
        <name>ReportsController</name>
        <message>
            <source>A brief of the open initiative, or of the one selected in the portfolio</source>
            <translation>Et notat om det åbne initiativ eller om det, der er valgt i porteføljen</translation>
        </message>
        <message>
            <source>A review of the initiatives shown in the portfolio, for middle managers</source>
            <translation>En gennemgang af de initiativer, der vises i porteføljen, til mellemledere</translation>
        </message>
        <message>
            <source>A plain-language brief for a political committee (public-safe by default)</source>
            <translation>Et letforståeligt notat til et politisk udvalg (uden personoplysninger, medmindre du vælger dem)</translation>
        </message>
        <message>
            <source>Initiative brief</source>
            <translation>Initiativnotat</translation>
        </message>
        <message>
            <source>Select an initiative in the portfolio, or open one, first.</source>
            <translation>Vælg først et initiativ i porteføljen, eller åbn et.</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>Ikke-gemte ændringer</translation>
        </message>
        <message>
            <source>The brief is made from the saved initiative. Save your changes to “%1” first?</source>
            <translation>Notatet laves ud fra det gemte initiativ. Vil du gemme dine ændringer i “%1” først?</translation>
        </message>
        <message>
            <source>New initiative</source>
            <translation>Nyt initiativ</translation>
        </message>
        <message>
            <source>Making the initiative brief…</source>
            <translation>Laver initiativnotatet …</translation>
        </message>
        <message>
            <source>Portfolio review</source>
            <translation>Porteføljegennemgang</translation>
        </message>
        <message>
            <source>Making the portfolio review…</source>
            <translation>Laver porteføljegennemgangen …</translation>
        </message>
        <message>
            <source>Committee brief</source>
            <translation>Udvalgsnotat</translation>
        </message>
        <message>
            <source>(with personal data)</source>
            <translation>(med personoplysninger)</translation>
        </message>
        <message>
            <source>Making the committee brief…</source>
            <translation>Laver udvalgsnotatet …</translation>
        </message>
        <message>
            <source>No brief</source>
            <translation>Intet notat</translation>
        </message>
        <message>
            <source>The brief could not be made: %1</source>
            <translation>Notatet kunne ikke laves: %1</translation>
        </message>
        <message>
            <source>Looking for names in the brief…</source>
            <translation>Leder efter navne i notatet…</translation>
        </message>
    </context>
    <context>
        <name>ReviewForm</name>
        <message>
            <source>How is it going? What works, what does not?</source>
            <translation>Hvordan går det? Hvad virker, og hvad gør ikke?</translation>
        </message>
        <message>
            <source>Decisions and support promised, e.g. “clarify the mandate with the committee”</source>
            <translation>Beslutninger og lovet støtte, fx »afklar mandatet med udvalget«</translation>
        </message>
        <message>
            <source>Review &amp;date</source>
            <translation>&amp;Dato for gennemgang</translation>
        </message>
        <message>
            <source>Re&amp;viewer</source>
            <translation>Gennemgået &amp;af</translation>
        </message>
        <message>
            <source>&amp;Assessment</source>
            <translation>Vurd&amp;ering</translation>
        </message>
        <message>
            <source>De&amp;cisions</source>
            <translation>Besl&amp;utninger</translation>
        </message>
        <message>
            <source>&amp;Next review</source>
            <translation>&amp;Næste gennemgang</translation>
        </message>
        <message>
            <source>Enter the date of the review as YYYY-MM-DD.</source>
            <translation>Angiv gennemgangens dato, fx 15.1.2027 eller 15-01-2027.</translation>
        </message>
        <message>
            <source>Enter the next review as YYYY-MM-DD, or leave it empty.</source>
            <translation>Angiv næste gennemgang, fx 15.1.2027, eller lad feltet stå tomt.</translation>
        </message>
        <message>
            <source>Enter who reviewed.</source>
            <translation>Angiv, hvem der holdt gennemgangen.</translation>
        </message>
        <message>
            <source>The initiative's next review is set to this date</source>
            <translation>Initiativets næste gennemgang sættes til denne dato</translation>
        </message>
        <message>
            <source>Revie&amp;wer</source>
            <translation>Genne&amp;mgået af</translation>
        </message>
    </context>
    <context>
        <name>ReviewMode</name>
        <message>
            <source>◀ &amp;Previous</source>
            <translation>◀ &amp;Forrige</translation>
        </message>
        <message>
            <source>&amp;Next ▶</source>
            <translation>&amp;Næste ▶</translation>
        </message>
        <message>
            <source>&amp;Open in editor</source>
            <translation>&amp;Åbn i redigering</translation>
        </message>
        <message>
            <source>The initiative</source>
            <translation>Initiativet</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Kræver opmærksomhed</translation>
        </message>
        <message>
            <source>Earlier reviews</source>
            <translation>Tidligere gennemgange</translation>
        </message>
        <message>
            <source>Record a review</source>
            <translation>Registrér en gennemgang</translation>
        </message>
        <message>
            <source>Record &amp;review</source>
            <translation>&amp;Registrér gennemgang</translation>
        </message>
        <message>
            <source>Save the review with the initiative now</source>
            <translation>Gem gennemgangen på initiativet nu</translation>
        </message>
        <message>
            <source>Record and &amp;go to next</source>
            <translation>Registrér og &amp;gå til næste</translation>
        </message>
        <message>
            <source>Review mode</source>
            <translation>Gennemgangstilstand</translation>
        </message>
        <message>
            <source>No initiatives to review: the portfolio filter shows none.</source>
            <translation>Ingen initiativer at gennemgå: porteføljefilteret viser ingen.</translation>
        </message>
        <message>
            <source>Initiative %1 of %2</source>
            <translation>Initiativ %1 af %2</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>not classified</source>
            <translation>ikke klassificeret</translation>
        </message>
        <message>
            <source>Sector</source>
            <translation>Sektor</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Ansvarlig</translation>
        </message>
        <message>
            <source>Responsible manager</source>
            <translation>Ansvarlig leder</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>Næste gennemgang</translation>
        </message>
        <message>
            <source>Completeness</source>
            <translation>Udfyldt</translation>
        </message>
        <message>
            <source>Open cross-pressures</source>
            <translation>Åbne krydspres</translation>
        </message>
        <message>
            <source>No attention signals.</source>
            <translation>Ingen opmærksomhedssignaler.</translation>
        </message>
        <message>
            <source>Decisions:</source>
            <translation>Beslutninger:</translation>
        </message>
        <message>
            <source>Not reviewed before.</source>
            <translation>Ikke gennemgået før.</translation>
        </message>
        <message>
            <source>Review not saved</source>
            <translation>Gennemgangen blev ikke gemt</translation>
        </message>
    </context>
    <context>
        <name>Reviews</name>
        <message>
            <source>Also set the initiative's next review to %1?</source>
            <translation>Skal initiativets næste gennemgang også sættes til %1?</translation>
        </message>
        <message>
            <source>(It is %1 now.)</source>
            <translation>(Det er %1 nu.)</translation>
        </message>
        <message>
            <source>Next review</source>
            <translation>Næste gennemgang</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Dato</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>Gennemgået af</translation>
        </message>
        <message>
            <source>Assessment</source>
            <translation>Vurdering</translation>
        </message>
        <message>
            <source>Decisions</source>
            <translation>Beslutninger</translation>
        </message>
        <message>
            <source>Manager reviews</source>
            <translation>Ledergennemgange</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Fjern</translation>
        </message>
    </context>
    <context>
        <name>ReviewsPanel</name>
        <message>
            <source>Record a review</source>
            <translation>Registrér en gennemgang</translation>
        </message>
        <message>
            <source>Record &amp;review</source>
            <translation>&amp;Registrér gennemgang</translation>
        </message>
        <message>
            <source>Add the review to this initiative (saved with the initiative)</source>
            <translation>Føj gennemgangen til initiativet (gemmes sammen med initiativet)</translation>
        </message>
        <message>
            <source>Record review</source>
            <translation>Registrér gennemgang</translation>
        </message>
        <message>
            <source>Rec&amp;ord review</source>
            <translation>Reg&amp;istrér gennemgang</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Indstillinger</translation>
        </message>
        <message>
            <source>Your login name is used when empty</source>
            <translation>Dit login-navn bruges, hvis feltet er tomt</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Gennemse …</translation>
        </message>
        <message>
            <source>The per-user portfolio</source>
            <translation>Din personlige portefølje</translation>
        </message>
        <message>
            <source> days</source>
            <translation> dage</translation>
        </message>
        <message>
            <source>A high-severity cross-pressure open longer than this is flagged</source>
            <translation>Et alvorligt krydspres, der har stået åbent længere end dette, markeres</translation>
        </message>
        <message>
            <source>An active initiative without a journal entry for this long is flagged</source>
            <translation>Et aktivt initiativ uden journalnotat så længe markeres</translation>
        </message>
        <message>
            <source>&amp;User name (audit trail)</source>
            <translation>&amp;Brugernavn (ændringslog)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Sprog</translation>
        </message>
        <message>
            <source>&amp;Municipality name</source>
            <translation>&amp;Kommunens navn</translation>
        </message>
        <message>
            <source>Municipality &amp;logo</source>
            <translation>Kommunens &amp;logo</translation>
        </message>
        <message>
            <source>&amp;Default database</source>
            <translation>&amp;Standarddatabase</translation>
        </message>
        <message>
            <source>Serious cross-pressure &amp;open for</source>
            <translation>Alvorligt krydspres &amp;åbent i</translation>
        </message>
        <message>
            <source>No &amp;journal entry for</source>
            <translation>Intet &amp;journalnotat i</translation>
        </message>
        <message>
            <source>Browse for a logo</source>
            <translation>Find et logo</translation>
        </message>
        <message>
            <source>Browse for a database</source>
            <translation>Find en database</translation>
        </message>
        <message>
            <source>The municipality name and logo appear on printed briefs.</source>
            <translation>Kommunens navn og logo vises på de trykte notater.</translation>
        </message>
        <message>
            <source>Municipality logo</source>
            <translation>Kommunens logo</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg *.jpeg *.svg)</source>
            <translation>Billeder (*.png *.jpg *.jpeg *.svg)</translation>
        </message>
        <message>
            <source>Default database</source>
            <translation>Standarddatabase</translation>
        </message>
        <message>
            <source>Portfolio databases (*.sqlite *.db)</source>
            <translation>Porteføljedatabaser (*.sqlite *.db)</translation>
        </message>
        <message>
            <source>An active initiative under way this long without any outcome is flagged</source>
            <translation>Et aktivt initiativ, der har været i gang så længe uden resultater, markeres</translation>
        </message>
        <message>
            <source>Outcomes not measured for this long are flagged</source>
            <translation>Resultater, der ikke er målt så længe, markeres</translation>
        </message>
        <message>
            <source>&amp;No outcome after</source>
            <translation>I&amp;ngen resultater efter</translation>
        </message>
        <message>
            <source>Outcomes not measu&amp;red for</source>
            <translation>Resultater ikke målt &amp;i</translation>
        </message>
        <message>
            <source> MB</source>
            <translation> MB</translation>
        </message>
        <message>
            <source>A larger file is refused with a message</source>
            <translation>En større fil afvises med en besked</translation>
        </message>
        <message>
            <source>Largest &amp;attached file</source>
            <translation>Største &amp;vedhæftede fil</translation>
        </message>
    </context>
    <context>
        <name>StakeholderDialog</name>
        <message>
            <source>New stakeholder</source>
            <translation>Ny aktør</translation>
        </message>
        <message>
            <source>Stakeholder</source>
            <translation>Aktør</translation>
        </message>
    </context>
    <context>
        <name>StakeholderForm</name>
        <message>
            <source>Citizens and volunteers are always private persons.</source>
            <translation>Borgere og frivillige er altid privatpersoner.</translation>
        </message>
        <message>
            <source>This is a private person (personal data)</source>
            <translation>Dette er en privatperson (personoplysninger)</translation>
        </message>
        <message>
            <source>&amp;Name</source>
            <translation>&amp;Navn</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>Sl&amp;ags</translation>
        </message>
        <message>
            <source>&amp;Organisation</source>
            <translation>&amp;Organisation</translation>
        </message>
        <message>
            <source>&amp;E-mail</source>
            <translation>&amp;E-mail</translation>
        </message>
        <message>
            <source>&amp;Phone</source>
            <translation>&amp;Telefon</translation>
        </message>
        <message>
            <source>No&amp;tes</source>
            <translation>Note&amp;r</translation>
        </message>
        <message>
            <source>&amp;Lawful basis</source>
            <translation>&amp;Behandlingsgrundlag</translation>
        </message>
        <message>
            <source>&amp;Consent given on</source>
            <translation>&amp;Samtykke givet den</translation>
        </message>
        <message>
            <source>&amp;Keep until</source>
            <translation>&amp;Opbevares til</translation>
        </message>
        <message>
            <source>Keep &amp;until</source>
            <translation>Opbevares t&amp;il</translation>
        </message>
        <message>
            <source>8 digits, organisations only</source>
            <translation>8 cifre, kun organisationer</translation>
        </message>
        <message>
            <source>C&amp;VR number</source>
            <translation>C&amp;VR-nummer</translation>
        </message>
    </context>
    <context>
        <name>StakeholderModel</name>
        <message>
            <source>Name</source>
            <translation>Navn</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Slags</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>Person</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
    </context>
    <context>
        <name>StakeholderPicker</name>
        <message>
            <source>Add existing stakeholders</source>
            <translation>Tilføj eksisterende aktører</translation>
        </message>
        <message>
            <source>Search by name or organisation</source>
            <translation>Søg på navn eller organisation</translation>
        </message>
        <message>
            <source>Search stakeholders</source>
            <translation>Søg efter aktører</translation>
        </message>
        <message>
            <source>Stakeholders</source>
            <translation>Aktører</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <source>&amp;Role in this initiative</source>
            <translation>&amp;Rolle i dette initiativ</translation>
        </message>
    </context>
    <context>
        <name>StakeholderRegistry</name>
        <message>
            <source>Show personal details…</source>
            <translation>Vis personoplysninger …</translation>
        </message>
        <message>
            <source>Personal details are shown once you give the purpose; the opening is logged.</source>
            <translation>Personoplysningerne vises, når du har angivet formålet; opslaget bliver logget.</translation>
        </message>
        <message>
            <source>Search stakeholders by name or organisation</source>
            <translation>Søg efter aktører på navn eller organisation</translation>
        </message>
        <message>
            <source>Search stakeholders</source>
            <translation>Søg efter aktører</translation>
        </message>
        <message>
            <source>Stakeholders</source>
            <translation>Aktører</translation>
        </message>
        <message>
            <source>&amp;Merge selected…</source>
            <translation>&amp;Flet de valgte …</translation>
        </message>
        <message>
            <source>Select two duplicates; the first one selected is kept</source>
            <translation>Vælg to dubletter; den først valgte beholdes</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Slet</translation>
        </message>
        <message>
            <source>&amp;Save stakeholder</source>
            <translation>&amp;Gem aktør</translation>
        </message>
        <message>
            <source>Used in initiatives</source>
            <translation>Indgår i initiativer</translation>
        </message>
        <message>
            <source>Used in (double-click to open):</source>
            <translation>Indgår i (dobbeltklik for at åbne):</translation>
        </message>
        <message>
            <source>Cannot save</source>
            <translation>Kan ikke gemme</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Gemt.</translation>
        </message>
        <message>
            <source>Cannot merge</source>
            <translation>Kan ikke flette</translation>
        </message>
        <message>
            <source>Merged.</source>
            <translation>Flettet.</translation>
        </message>
        <message>
            <source>Merge duplicates</source>
            <translation>Flet dubletter</translation>
        </message>
        <message>
            <source>Select exactly two stakeholders (Ctrl+click) to merge them.</source>
            <translation>Vælg præcis to aktører (Ctrl+klik) for at flette dem.</translation>
        </message>
        <message>
            <source>Keep “%1” and fold “%2” into it? Every initiative, resource and journal entry of “%2” moves over; “%2” is deleted.</source>
            <translation>Behold “%1” og flet “%2” ind i den? Alle initiativer, ressourcer og journalnotater fra “%2” flyttes over; “%2” slettes.</translation>
        </message>
        <message>
            <source>Delete stakeholder</source>
            <translation>Slet aktør</translation>
        </message>
        <message>
            <source>Delete “%1”?</source>
            <translation>Slet “%1”?</translation>
        </message>
        <message>
            <source>Cannot delete</source>
            <translation>Kan ikke slette</translation>
        </message>
        <message>
            <source>Timeline, newest first:</source>
            <translation>Tidslinje, nyeste først:</translation>
        </message>
        <message>
            <source>Saved. What you typed since is not saved yet.</source>
            <translation>Gemt. Det, du har skrevet siden, er ikke gemt endnu.</translation>
        </message>
        <message>
            <source>The last change is still being saved; try again in a moment.</source>
            <translation>Den sidste ændring gemmes stadig; prøv igen om et øjeblik.</translation>
        </message>
    </context>
    <context>
        <name>Typology</name>
        <message>
            <source>Characteristics</source>
            <translation>Kendetegn</translation>
        </message>
        <message>
            <source>Role of the frontline co-producer</source>
            <translation>Frontmedarbejderens rolle</translation>
        </message>
        <message>
            <source>Perceived public value</source>
            <translation>Oplevet offentlig værdi</translation>
        </message>
        <message>
            <source>Examples</source>
            <translation>Eksempler</translation>
        </message>
    </context>
    <context>
        <name>TypologyGuide</name>
        <message>
            <source>Typology guide</source>
            <translation>Typologiguide</translation>
        </message>
        <message>
            <source>Three practices of co-production (Agger &amp; Tortzen 2023). Choose the one that describes the initiative best; a secondary type can record a mix.</source>
            <translation>Tre former for samskabelse (Agger &amp; Tortzen 2023). Vælg den, der bedst beskriver initiativet; en sekundær type kan angive en blanding.</translation>
        </message>
    </context>
    <context>
        <name>Widgets</name>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>ÅÅÅÅ-MM-DD</translation>
        </message>
        <message>
            <source>Pick a date</source>
            <translation>Vælg en dato</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fejl</translation>
        </message>
        <message>
            <source>D.M.YYYY</source>
            <translation>D.M.ÅÅÅÅ</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>&lt;b&gt;A person was erased from this initiative after you opened it.&lt;/b&gt; Their version is chosen everywhere: keeping your text could bring the erased name, e-mail or phone back. Re-type your own changes after saving if you need them.</source>
            <translation>&lt;b&gt;En person blev slettet fra dette initiativ, efter du åbnede det.&lt;/b&gt; Den gemte version er valgt overalt: beholder du din tekst, kan det slettede navn, e-mail eller telefonnummer komme tilbage. Skriv dine egne ændringer igen efter at have gemt, hvis du har brug for dem.</translation>
        </message>
        <message>
            <source>Saved by someone else</source>
            <translation>Gemt af en anden</translation>
        </message>
        <message>
            <source>someone else</source>
            <translation>en anden</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 saved “%2” while you were editing it.&lt;/b&gt; Nothing has been overwritten. For each difference, choose the version to keep, then save.</source>
            <translation>&lt;b&gt;%1 gemte “%2”, mens du redigerede den.&lt;/b&gt; Intet er blevet overskrevet. Vælg for hver forskel, hvilken version der skal beholdes, og gem derefter.</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Felt</translation>
        </message>
        <message>
            <source>Your version</source>
            <translation>Din version</translation>
        </message>
        <message>
            <source>Their version (saved)</source>
            <translation>Den anden version (gemt)</translation>
        </message>
        <message>
            <source>Differences between the two versions</source>
            <translation>Forskelle mellem de to versioner</translation>
        </message>
        <message>
            <source>Rows in bold differ from the other version. ⚠ = changed by both of you.</source>
            <translation>Rækker med fed skrift adskiller sig fra den anden version. ⚠ = ændret af jer begge.</translation>
        </message>
        <message>
            <source>Keep all &amp;mine</source>
            <translation>Behold alle &amp;mine</translation>
        </message>
        <message>
            <source>Take all &amp;theirs</source>
            <translation>Tag alle &amp;deres</translation>
        </message>
        <message>
            <source>&amp;Save the chosen versions</source>
            <translation>&amp;Gem de valgte versioner</translation>
        </message>
        <message>
            <source>Stakeholders</source>
            <translation>Aktører</translation>
        </message>
        <message>
            <source>Mandates</source>
            <translation>Mandater</translation>
        </message>
        <message>
            <source>Resources</source>
            <translation>Ressourcer</translation>
        </message>
        <message>
            <source>Cross-pressures</source>
            <translation>Krydspres</translation>
        </message>
        <message>
            <source>Journal</source>
            <translation>Journal</translation>
        </message>
        <message>
            <source>Reviews</source>
            <translation>Gennemgange</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(ingen)</translation>
        </message>
        <message numerus="yes">
            <source>(%n row(s) of the other version missing)</source>
            <translation>
                <numerusform>(%n række fra den anden version mangler)</numerusform>
                <numerusform>(%n rækker fra den anden version mangler)</numerusform>
            </translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(tom)</translation>
        </message>
        <message>
            <source>Changed by both of you</source>
            <translation>Ændret af jer begge</translation>
        </message>
        <message>
            <source>Keep mine: %1</source>
            <translation>Behold min: %1</translation>
        </message>
        <message>
            <source>Take theirs: %1</source>
            <translation>Tag deres: %1</translation>
        </message>
        <message>
            <source>Not saved. Your changes are still here; save again to compare.</source>
            <translation>Ikke gemt. Dine ændringer er her stadig; gem igen for at sammenligne.</translation>
        </message>
        <message>
            <source>Not saved: together with the changes %1 made meanwhile, this would be invalid: %2</source>
            <translation>Ikke gemt: sammen med de ændringer, %1 lavede imens, ville dette være ugyldigt: %2</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 saved “%2” while you were editing it.&lt;/b&gt; Nothing has been overwritten. What only one of you changed is combined; below is what you both changed. Preselected is whatever keeps both people's work.</source>
            <translation>&lt;b&gt;%1 gemte “%2”, mens du redigerede den.&lt;/b&gt; Intet er blevet overskrevet. Det, som kun én af jer har ændret, er lagt sammen; herunder står det, I begge har ændret. Forvalgt er det, der bevarer begges arbejde.</translation>
        </message>
        <message>
            <source>Changed by both</source>
            <translation>Ændret af jer begge</translation>
        </message>
        <message>
            <source>Before (when you opened it)</source>
            <translation>Før (da du åbnede den)</translation>
        </message>
        <message>
            <source>What you both changed</source>
            <translation>Det, I begge har ændret</translation>
        </message>
        <message>
            <source>Only for the items listed; what was combined automatically stays.</source>
            <translation>Kun for punkterne på listen; det, der blev lagt sammen automatisk, bliver.</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Nej</translation>
        </message>
        <message>
            <source>You deleted this row; %1 changed it.</source>
            <translation>Du slettede denne række; %1 ændrede den.</translation>
        </message>
        <message>
            <source>%1 deleted this row; you changed it.</source>
            <translation>%1 slettede denne række; du ændrede den.</translation>
        </message>
        <message>
            <source>Changed by you and by %1.</source>
            <translation>Ændret af dig og af %1.</translation>
        </message>
        <message>
            <source>The two versions differ.</source>
            <translation>De to versioner er forskellige.</translation>
        </message>
        <message>
            <source>(deleted)</source>
            <translation>(slettet)</translation>
        </message>
        <message>
            <source>you</source>
            <translation>dig</translation>
        </message>
        <message>
            <source>From %1: %2</source>
            <translation>Fra %1: %2</translation>
        </message>
        <message>
            <source>Combined automatically.</source>
            <translation>Lagt sammen automatisk.</translation>
        </message>
        <message numerus="yes">
            <source>%n added</source>
            <translation>
                <numerusform>%n tilføjet</numerusform>
                <numerusform>%n tilføjet</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n deleted</source>
            <translation>
                <numerusform>%n slettet</numerusform>
                <numerusform>%n slettet</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n changed</source>
            <translation>
                <numerusform>%n ændret</numerusform>
                <numerusform>%n ændret</numerusform>
            </translation>
        </message>
        <message>
            <source>Commitments</source>
            <translation>Aftaler</translation>
        </message>
        <message>
            <source>Outcomes</source>
            <translation>Resultater</translation>
        </message>
    </context>
    <context>
        <name>ConnectDialog</name>
        <message>
            <source>Connect to a shared database</source>
            <translation>Forbind til en fælles database</translation>
        </message>
        <message>
            <source>A portfolio shared by your team lives on a PostgreSQL server. Your IT department can tell you the server's name and your user name.</source>
            <translation>En portefølje, som dit team deler, ligger på en PostgreSQL-server. Din IT-afdeling kan oplyse serverens navn og dit brugernavn.</translation>
        </message>
        <message>
            <source>e.g. db.kommune.dk</source>
            <translation>fx db.kommune.dk</translation>
        </message>
        <message>
            <source>&amp;Remember password (kept in the system keyring)</source>
            <translation>&amp;Husk adgangskoden (gemmes i systemets nøglering)</translation>
        </message>
        <message>
            <source>&amp;Server:</source>
            <translation>&amp;Server:</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <source>&amp;Database:</source>
            <translation>&amp;Database:</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Brugernavn:</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>&amp;Adgangskode:</translation>
        </message>
        <message>
            <source>&amp;Connect</source>
            <translation>&amp;Forbind</translation>
        </message>
        <message>
            <source>(remembered)</source>
            <translation>(husket)</translation>
        </message>
        <message>
            <source>Password not remembered</source>
            <translation>Adgangskoden blev ikke husket</translation>
        </message>
        <message>
            <source>The password could not be kept in the system keyring: %1</source>
            <translation>Adgangskoden kunne ikke gemmes i systemets nøglering: %1</translation>
        </message>
    </context>
    <context>
        <name>EditorNotice</name>
        <message>
            <source>Saved together with the changes %1 made meanwhile: %2.</source>
            <translation>Gemt sammen med de ændringer, %1 lavede imens: %2.</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>Genindlæs</translation>
        </message>
        <message>
            <source>Show the version now in the database</source>
            <translation>Vis den version, der nu ligger i databasen</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Luk</translation>
        </message>
        <message>
            <source>someone else</source>
            <translation>en anden</translation>
        </message>
        <message>
            <source>Changed by %1 since you opened it — reload?</source>
            <translation>Ændret af %1, siden du åbnede den — genindlæse?</translation>
        </message>
        <message>
            <source>(If you save your changes instead, you will see both versions.)</source>
            <translation>(Gemmer du i stedet dine ændringer, får du vist begge versioner.)</translation>
        </message>
        <message>
            <source>Reload the saved version and throw away your unsaved changes?</source>
            <translation>Genindlæse den gemte version og kassere dine ikke-gemte ændringer?</translation>
        </message>
    </context>
    <context>
        <name>LiveRefresh</name>
        <message>
            <source>Updated with changes by %1</source>
            <translation>Opdateret med ændringer fra %1</translation>
        </message>
    </context>
    <context>
        <name>ReadOnlyBanner</name>
        <message>
            <source>Opened read-only.</source>
            <translation>Åbnet skrivebeskyttet.</translation>
        </message>
        <message>
            <source>The file or its folder cannot be written, so you can look but not change anything. Copy the file to a folder you may write to, or ask for write access, to edit.</source>
            <translation>Der kan ikke skrives til filen eller dens mappe, så du kan se, men ikke ændre noget. Kopiér filen til en mappe, du må skrive i, eller bed om skriveadgang for at redigere.</translation>
        </message>
        <message>
            <source>Opened read-only</source>
            <translation>Åbnet skrivebeskyttet</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Restore from backup</source>
            <translation>Gendan fra sikkerhedskopi</translation>
        </message>
        <message>
            <source>Put a backup of &lt;b&gt;%1&lt;/b&gt; back in place. The current file is kept in the backups folder first, so the restore can be undone.</source>
            <translation>Læg en sikkerhedskopi af &lt;b&gt;%1&lt;/b&gt; tilbage. Den nuværende fil gemmes først i mappen med sikkerhedskopier, så gendannelsen kan fortrydes.</translation>
        </message>
        <message>
            <source>Daily (automatic)</source>
            <translation>Daglig (automatisk)</translation>
        </message>
        <message>
            <source>Before an upgrade</source>
            <translation>Før en opgradering</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>Før en gendannelse</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>Anden</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Lavet</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Slags</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Størrelse</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Sikkerhedskopier</translation>
        </message>
        <message>
            <source>There are no backups of this database yet.</source>
            <translation>Der er endnu ingen sikkerhedskopier af denne database.</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>&amp;Gendan …</translation>
        </message>
        <message>
            <source>Replace the database with the backup from %1? Changes made since then are set aside in the backups folder.</source>
            <translation>Erstat databasen med sikkerhedskopien fra %1? Ændringer siden da lægges til side i mappen med sikkerhedskopier.</translation>
        </message>
    </context>
    <context>
        <name>Safety</name>
        <message>
            <source>Erased persons it still held were erased again: %1.</source>
            <translation>Slettede personer, den stadig indeholdt, blev slettet igen: %1.</translation>
        </message>
        <message>
            <source>Something unexpected went wrong: %1</source>
            <translation>Noget uventet gik galt: %1</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>Noget gik galt</translation>
        </message>
        <message>
            <source>Database in use</source>
            <translation>Databasen er i brug</translation>
        </message>
        <message>
            <source>Another program is using the database. Close it there, or wait a moment, then retry.</source>
            <translation>Et andet program bruger databasen. Luk den dér, eller vent et øjeblik, og prøv så igen.</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Ikke gemt</translation>
        </message>
        <message>
            <source>Connect to a shared &amp;database…</source>
            <translation>Forbind til en &amp;fælles database …</translation>
        </message>
        <message>
            <source>Open a portfolio on a PostgreSQL server shared by your team</source>
            <translation>Åbn en portefølje på en PostgreSQL-server, som dit team deler</translation>
        </message>
        <message>
            <source>Restore from bac&amp;kup…</source>
            <translation>Gendan fra sikkerheds&amp;kopi …</translation>
        </message>
        <message>
            <source>Put an automatic backup of this database back in place</source>
            <translation>Læg en automatisk sikkerhedskopi af denne database tilbage</translation>
        </message>
        <message>
            <source>Today's automatic backup could not be made: %1</source>
            <translation>Dagens automatiske sikkerhedskopi kunne ikke laves: %1</translation>
        </message>
        <message>
            <source>Database damaged</source>
            <translation>Databasen er beskadiget</translation>
        </message>
        <message>
            <source>An automatic backup from %1 is available. Restore it? The damaged file is kept in the backups folder.</source>
            <translation>Der findes en automatisk sikkerhedskopi fra %1. Vil du gendanne den? Den beskadigede fil gemmes i mappen med sikkerhedskopier.</translation>
        </message>
        <message>
            <source>Cannot open the database</source>
            <translation>Kan ikke åbne databasen</translation>
        </message>
        <message>
            <source>Restored the backup from %1.</source>
            <translation>Sikkerhedskopien fra %1 er gendannet.</translation>
        </message>
        <message>
            <source>Cannot restore the backup</source>
            <translation>Kan ikke gendanne sikkerhedskopien</translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>Gendanner sikkerhedskopien …</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>Ikke forbundet</translation>
        </message>
        <message>
            <source>Not saved yet</source>
            <translation>Ikke gemt endnu</translation>
        </message>
        <message>
            <source>The shared database cannot be reached just now, so nothing was changed. What you entered is kept here: do it again when the connection is back (the banner at the top says when).</source>
            <translation>Den fælles database kan ikke nås lige nu, så intet blev ændret. Det, du har indtastet, bevares her: gør det igen, når forbindelsen er tilbage (banneret øverst viser, hvornår).</translation>
        </message>
    </context>
    <context>
        <name>ConnectionBanner</name>
        <message>
            <source>Not connected to the shared database</source>
            <translation>Ikke forbundet til den fælles database</translation>
        </message>
        <message>
            <source>Try now</source>
            <translation>Prøv nu</translation>
        </message>
        <message>
            <source>It has not been reached since the app started.</source>
            <translation>Den er ikke nået, siden programmet startede.</translation>
        </message>
        <message>
            <source>Last reached at %1.</source>
            <translation>Sidst nået kl. %1.</translation>
        </message>
        <message>
            <source>Not connected to the shared database.</source>
            <translation>Ikke forbundet til den fælles database.</translation>
        </message>
        <message>
            <source>What you see is from then and stays on screen; your unsaved changes are kept. The app reconnects by itself.</source>
            <translation>Det, du ser, er fra da og bliver stående; dine ikke-gemte ændringer bevares. Programmet genopretter forbindelsen af sig selv.</translation>
        </message>
        <message numerus="yes">
            <source>%n initiative(s) will be saved when the connection returns.</source>
            <translation>
                <numerusform>%n initiativ bliver gemt, når forbindelsen er tilbage.</numerusform>
                <numerusform>%n initiativer bliver gemt, når forbindelsen er tilbage.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConnectionWatch</name>
        <message>
            <source>Not connected to the shared database; try again when it is back.</source>
            <translation>Ikke forbundet til den fælles database; prøv igen, når den er tilbage.</translation>
        </message>
        <message>
            <source>Not saved yet: the shared database cannot be reached. Your changes are kept here and will be saved when the connection returns (or press Save to try again).</source>
            <translation>Ikke gemt endnu: den fælles database kan ikke nås. Dine ændringer bevares her og bliver gemt, når forbindelsen er tilbage (eller tryk på Gem for at prøve igen).</translation>
        </message>
        <message>
            <source>Connected to the shared database again.</source>
            <translation>Forbundet til den fælles database igen.</translation>
        </message>
    </context>
    <context>
        <name>Drafts</name>
        <message>
            <source>Restore draft</source>
            <translation>Gendan kladde</translation>
        </message>
        <message>
            <source>Unsaved work found</source>
            <translation>Ikke-gemt arbejde fundet</translation>
        </message>
        <message numerus="yes">
            <source>The program ended before %n initiative(s) were saved. Restore the unsaved changes?</source>
            <translation>
                <numerusform>Programmet sluttede, før %n initiativ blev gemt. Vil du gendanne de ikke-gemte ændringer?</numerusform>
                <numerusform>Programmet sluttede, før %n initiativer blev gemt. Vil du gendanne de ikke-gemte ændringer?</numerusform>
            </translation>
        </message>
        <message>
            <source>New initiative</source>
            <translation>Nyt initiativ</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>&amp;Gendan</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Kassér</translation>
        </message>
        <message>
            <source>&amp;Later</source>
            <translation>&amp;Senere</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>&amp;Kig i:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>Filer af &amp;type:</translation>
        </message>
    </context>
    <context>
        <name>BriefIdentityDialog</name>
        <message>
            <source>Your briefs</source>
            <translation>Dine notater</translation>
        </message>
        <message>
            <source>Printed briefs carry the municipality's name and logo at the top and your name at the bottom. You can change them later under Settings.</source>
            <translation>Udskrevne notater har kommunens navn og logo øverst og dit navn nederst. Du kan ændre dem senere under Indstillinger.</translation>
        </message>
        <message>
            <source>e.g. Sønderby Kommune</source>
            <translation>fx Sønderby Kommune</translation>
        </message>
        <message>
            <source>A PNG or JPEG file (optional)</source>
            <translation>En PNG- eller JPEG-fil (valgfrit)</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Gennemse …</translation>
        </message>
        <message>
            <source>Browse for a logo</source>
            <translation>Find et logo</translation>
        </message>
        <message>
            <source>&amp;Municipality name</source>
            <translation>&amp;Kommunens navn</translation>
        </message>
        <message>
            <source>Municipality &amp;logo</source>
            <translation>Kommunens &amp;logo</translation>
        </message>
        <message>
            <source>Your &amp;name</source>
            <translation>Dit &amp;navn</translation>
        </message>
        <message>
            <source>Not now</source>
            <translation>Ikke nu</translation>
        </message>
        <message>
            <source>Make the brief without them; you will not be asked again</source>
            <translation>Lav notatet uden dem; du bliver ikke spurgt igen</translation>
        </message>
        <message>
            <source>Municipality logo</source>
            <translation>Kommunens logo</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>Billeder (*.png *.jpg *.jpeg)</translation>
        </message>
    </context>
    <context>
        <name>MentionsDialog</name>
        <message>
            <source>Possible mentions to review</source>
            <translation>Mulige omtaler til gennemgang</translation>
        </message>
        <message>
            <source>The full name, e-mail and phone are replaced. These texts still contain the first name or the surname alone, which may or may not be the erased person (“Berg” may be a firm). Open each one and edit the text if it is them.</source>
            <translation>Det fulde navn, e-mail og telefon er erstattet. Disse tekster indeholder stadig fornavnet eller efternavnet alene, som kan være den slettede person eller ikke (“Berg” kan være en virksomhed). Åbn hver enkelt, og ret teksten, hvis det er personen.</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>Gennemgået</translation>
        </message>
        <message>
            <source>Initiative</source>
            <translation>Initiativ</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Hvor</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Tekst</translation>
        </message>
        <message>
            <source>Possible mentions</source>
            <translation>Mulige omtaler</translation>
        </message>
        <message>
            <source>Review &amp;next</source>
            <translation>Gennemgå &amp;næste</translation>
        </message>
        <message>
            <source>initiative</source>
            <translation>initiativ</translation>
        </message>
        <message>
            <source>stakeholder note</source>
            <translation>note om aktør</translation>
        </message>
        <message>
            <source>mandate</source>
            <translation>mandat</translation>
        </message>
        <message>
            <source>resource</source>
            <translation>ressource</translation>
        </message>
        <message>
            <source>cross-pressure</source>
            <translation>krydspres</translation>
        </message>
        <message>
            <source>journal</source>
            <translation>journal</translation>
        </message>
        <message>
            <source>review</source>
            <translation>gennemgang</translation>
        </message>
        <message>
            <source>access log</source>
            <translation>adgangslog</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>purpose</source>
            <translation>formål</translation>
        </message>
        <message>
            <source>%1 of %2 reviewed</source>
            <translation>%1 af %2 gennemgået</translation>
        </message>
    </context>
    <context>
        <name>RecordForm</name>
        <message>
            <source>Participants</source>
            <translation>Deltagere</translation>
        </message>
        <message>
            <source>Tab moves to the next field; Ctrl+Return saves; Escape cancels.</source>
            <translation>Tab går til næste felt; Ctrl+Retur gemmer; Escape annullerer.</translation>
        </message>
        <message>
            <source>Discard what you typed in this form?</source>
            <translation>Kassér det, du har skrevet i denne formular?</translation>
        </message>
        <message>
            <source>Nothing entered yet: fill in a field, or press Escape.</source>
            <translation>Intet er indtastet endnu: udfyld et felt, eller tryk Escape.</translation>
        </message>
    </context>
    <context>
        <name>Commitments</name>
        <message>
            <source>&amp;Add commitment</source>
            <translation>&amp;Tilføj aftale</translation>
        </message>
        <message>
            <source>Add commitment</source>
            <translation>Tilføj aftale</translation>
        </message>
        <message>
            <source>Choose a journal entry first.</source>
            <translation>Vælg først et journalnotat.</translation>
        </message>
        <message>
            <source>Commitment</source>
            <translation>Aftale</translation>
        </message>
        <message>
            <source>Commitment from journal entry</source>
            <translation>Aftale fra journalnotat</translation>
        </message>
        <message>
            <source>Commitments</source>
            <translation>Aftaler</translation>
        </message>
        <message>
            <source>Done on</source>
            <translation>Udført den</translation>
        </message>
        <message>
            <source>Due on</source>
            <translation>Frist</translation>
        </message>
        <message>
            <source>From journal entry</source>
            <translation>Fra journalnotat</translation>
        </message>
        <message>
            <source>Mark &amp;done</source>
            <translation>Markér som &amp;udført</translation>
        </message>
        <message>
            <source>Mark commitment done</source>
            <translation>Markér aftale som udført</translation>
        </message>
        <message>
            <source>Name journal entry</source>
            <translation>Navngiv journalnotat</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Ansvarlig</translation>
        </message>
        <message>
            <source>Promised to</source>
            <translation>Lovet til</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Fjern</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Remove journal entry</source>
            <translation>Fjern journalnotat</translation>
        </message>
        <message>
            <source>Unlink commitments</source>
            <translation>Fjern aftalers kobling</translation>
        </message>
    </context>
    <context>
        <name>MyWorkView</name>
        <message numerus="yes">
            <source>%1 made %n change(s)</source>
            <translation>
                <numerusform>%1 lavede %n ændring</numerusform>
                <numerusform>%1 lavede %n ændringer</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;My work</source>
            <translation>&amp;Mine opgaver</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Opdatér</translation>
        </message>
        <message>
            <source>Calendar file</source>
            <translation>Kalenderfil</translation>
        </message>
        <message>
            <source>Calendar files (*.ics)</source>
            <translation>Kalenderfiler (*.ics)</translation>
        </message>
        <message>
            <source>Calendar file…</source>
            <translation>Kalenderfil…</translation>
        </message>
        <message>
            <source>Changed by colleagues since you last looked</source>
            <translation>Ændret af kolleger, siden du sidst kiggede</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Dato</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Udført</translation>
        </message>
        <message>
            <source>Due this week</source>
            <translation>Frist i denne uge</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>Opfølgninger</translation>
        </message>
        <message>
            <source>Initiative</source>
            <translation>Initiativ</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>Senere</translation>
        </message>
        <message>
            <source>Mark &amp;done</source>
            <translation>Markér som &amp;udført</translation>
        </message>
        <message>
            <source>Mark the chosen commitment as kept</source>
            <translation>Markér den valgte aftale som holdt</translation>
        </message>
        <message>
            <source>Mark this commitment as kept today</source>
            <translation>Markér aftalen som holdt i dag</translation>
        </message>
        <message>
            <source>My work</source>
            <translation>Mine opgaver</translation>
        </message>
        <message>
            <source>My work — %1</source>
            <translation>Mine opgaver — %1</translation>
        </message>
        <message>
            <source>Nothing is due. Open the portfolio to find an initiative.</source>
            <translation>Intet har frist. Åbn porteføljen for at finde et initiativ.</translation>
        </message>
        <message>
            <source>Open commitments: %1 overdue, %2 due this week, %3 later.</source>
            <translation>Åbne aftaler: %1 overskredet, %2 med frist i denne uge, %3 senere.</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overskredet</translation>
        </message>
        <message>
            <source>Promised to</source>
            <translation>Lovet til</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Gennemgang</translation>
        </message>
        <message>
            <source>Reviews due</source>
            <translation>Gennemgange, der skal holdes</translation>
        </message>
        <message>
            <source>Save my open commitments and reviews as an .ics file for Outlook and others</source>
            <translation>Gem mine åbne aftaler og gennemgange som en .ics-fil til Outlook og andre</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Gemmer…</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Hvad</translation>
        </message>
        <message>
            <source>Writing the calendar file…</source>
            <translation>Skriver kalenderfilen…</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… og %n mere</numerusform>
                <numerusform>… og %n mere</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Outcomes</name>
        <message>
            <source>Indicator</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Enhed</translation>
        </message>
        <message>
            <source>Baseline</source>
            <translation>Udgangspunkt</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>Mål</translation>
        </message>
        <message>
            <source>Achieved</source>
            <translation>Opnået</translation>
        </message>
        <message>
            <source>Measured on</source>
            <translation>Målt</translation>
        </message>
        <message>
            <source>Public value</source>
            <translation>Offentlig værdi</translation>
        </message>
        <message>
            <source>Co-assessed</source>
            <translation>Samvurderet</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>Dokumentation</translation>
        </message>
        <message>
            <source>No outcomes recorded yet. Record what the initiative aims at, even when its value is hard to measure: a target in words is better than none.</source>
            <translation>Ingen resultater registreret endnu. Skriv, hvad initiativet sigter mod, også når værdien er svær at måle: et mål i ord er bedre end intet.</translation>
        </message>
        <message numerus="yes">
            <source>%n outcomes measured against a target</source>
            <translation>
                <numerusform>%n resultat målt mod et mål</numerusform>
                <numerusform>%n resultater målt mod et mål</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n reached it</source>
            <translation>
                <numerusform>%n nåede det</numerusform>
                <numerusform>%n nåede det</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n assessed together with citizens</source>
            <translation>
                <numerusform>%n vurderet sammen med borgerne</numerusform>
                <numerusform>%n vurderet sammen med borgerne</numerusform>
            </translation>
        </message>
        <message>
            <source>Add outcome</source>
            <translation>Tilføj resultat</translation>
        </message>
        <message>
            <source>Outcomes</source>
            <translation>Resultater</translation>
        </message>
        <message>
            <source>&amp;Add outcome</source>
            <translation>&amp;Tilføj resultat</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Fjern</translation>
        </message>
    </context>
    <context>
        <name>Records</name>
        <message>
            <source>“%1” is not a number</source>
            <translation>“%1” er ikke et tal</translation>
        </message>
    </context>
    <context>
        <name>AttachmentModel</name>
        <message>
            <source>Name</source>
            <translation>Navn</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Størrelse</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>Tilføjet</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Af</translation>
        </message>
        <message>
            <source>Journal entry</source>
            <translation>Journalnotat</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsPage</name>
        <message>
            <source>Documents</source>
            <translation>Dokumenter</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Tilføj…</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>Å&amp;bn</translation>
        </message>
        <message>
            <source>Save &amp;as…</source>
            <translation>Gem &amp;som…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Fjern</translation>
        </message>
        <message>
            <source>Save the initiative first; then documents can be kept with it.</source>
            <translation>Gem initiativet først; så kan der gemmes dokumenter med det.</translation>
        </message>
        <message>
            <source>Files kept with this initiative, in the portfolio's database (shared in team mode). Drop files or e-mails (.eml, .msg, .ics) anywhere on the editor.</source>
            <translation>Filer gemt med dette initiativ i porteføljens database (delt i teamtilstand). Træk filer eller e-mails (.eml, .msg, .ics) ind hvor som helst i redigeringen.</translation>
        </message>
        <message>
            <source>Add documents</source>
            <translation>Tilføj dokumenter</translation>
        </message>
        <message>
            <source>Not saved yet</source>
            <translation>Ikke gemt endnu</translation>
        </message>
        <message>
            <source>Save the initiative before adding documents.</source>
            <translation>Gem initiativet, før du tilføjer dokumenter.</translation>
        </message>
        <message>
            <source>Cannot open</source>
            <translation>Kan ikke åbne</translation>
        </message>
        <message>
            <source>Save document as</source>
            <translation>Gem dokument som</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Ikke gemt</translation>
        </message>
        <message>
            <source>Remove documents</source>
            <translation>Fjern dokumenter</translation>
        </message>
        <message>
            <source>Remove %1 from this initiative? The file is deleted from the portfolio.</source>
            <translation>Fjern %1 fra dette initiativ? Filen slettes fra porteføljen.</translation>
        </message>
        <message>
            <source>Save a cop&amp;y…</source>
            <translation>Gem en kopi &amp;som…</translation>
        </message>
    </context>
    <context>
        <name>ParticipantsDialog</name>
        <message>
            <source>Meeting invitation</source>
            <translation>Mødeindkaldelse</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>meeting</source>
            <translation>møde</translation>
        </message>
        <message>
            <source>e-mail</source>
            <translation>e-mail</translation>
        </message>
        <message>
            <source>A journal entry (%1) of %2 will be made:</source>
            <translation>Der laves et journalnotat (%1) den %2:</translation>
        </message>
        <message>
            <source>Its attached files are kept with the entry: %1</source>
            <translation>Dens vedhæftede filer gemmes med notatet: %1</translation>
        </message>
        <message>
            <source>Participants found among the stakeholders:</source>
            <translation>Deltagere fundet blandt aktørerne:</translation>
        </message>
        <message>
            <source>Not yet stakeholders (tick those to add as participants):</source>
            <translation>Endnu ikke aktører (sæt kryds ved dem, der skal tilføjes som deltagere):</translation>
        </message>
        <message>
            <source>Make the entry</source>
            <translation>Lav notatet</translation>
        </message>
    </context>
    <context>
        <name>Attachments</name>
        <message>
            <source>Cannot read the e-mail</source>
            <translation>Kan ikke læse e-mailen</translation>
        </message>
        <message>
            <source>Keeping the files…</source>
            <translation>Gemmer filerne…</translation>
        </message>
        <message numerus="yes">
            <source>Kept %n file(s) with the initiative.</source>
            <translation>
                <numerusform>Gemte %n fil med initiativet.</numerusform>
                <numerusform>Gemte %n filer med initiativet.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message>
            <source>Timeline</source>
            <translation>Tidslinje</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Dato</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Hvad</translation>
        </message>
        <message>
            <source>Initiative</source>
            <translation>Initiativ</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Detaljer</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>Dokument</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>Kom med</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>Gik ud</translation>
        </message>
        <message>
            <source>Commitment (%1)</source>
            <translation>Aftale (%1)</translation>
        </message>
    </context>
    <context>
        <name>DocumentChoicesDialog</name>
        <message>
            <source>Documents about the person</source>
            <translation>Dokumenter om personen</translation>
        </message>
        <message>
            <source>These documents mention the person or belong to a journal entry they took part in. Their contents cannot be anonymised: tick those to delete; the others are kept as they are. Each choice is recorded.</source>
            <translation>Disse dokumenter nævner personen eller hører til et journalnotat, personen deltog i. Deres indhold kan ikke anonymiseres: sæt kryds ved dem, der skal slettes; de øvrige beholdes, som de er. Hvert valg registreres.</translation>
        </message>
        <message>
            <source>Delete “%1” (%2, %3)</source>
            <translation>Slet “%1” (%2, %3)</translation>
        </message>
    </context>
</TS>
