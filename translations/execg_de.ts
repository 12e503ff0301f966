<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>EvidenceText</name>
    <message>
        <source>all leads</source>
        <translation>alle Ableitungen</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>a list of leads: the first ones, the last</comment>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between leads in a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the P waves of %2</source>
        <translation>%1 % der Evidenz liegen in den P-Wellen von %2</translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the PR segments of %2</source>
        <translation>%1 % der Evidenz liegen in den PR-Strecken von %2</translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the QRS complexes of %2</source>
        <translation>%1 % der Evidenz liegen in den QRS-Komplexen von %2</translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the ST segments of %2</source>
        <translation>%1 % der Evidenz liegen in den ST-Strecken von %2</translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the T waves of %2</source>
        <translation>%1 % der Evidenz liegen in den T-Wellen von %2</translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the TP baseline of %2</source>
        <translation>%1 % der Evidenz liegen in der TP-Grundlinie von %2</translation>
    </message>
</context>
<context>
    <name>MapDisplayText</name>
    <message>
        <source>drawn per wave (each wave&apos;s share of the evidence)</source>
        <translation>je Welle gezeichnet (der Anteil jeder Welle an der Evidenz)</translation>
    </message>
    <message>
        <source>drawn smoothed over %1 ms (display only)</source>
        <translation>über %1 ms geglättet gezeichnet (nur Anzeige)</translation>
    </message>
    <message>
        <source>% of the evidence per wave</source>
        <translation>% der Evidenz je Welle</translation>
    </message>
    <message>
        <source>display smoothing %1 ms</source>
        <translation>Anzeigeglättung %1 ms</translation>
    </message>
</context>
<context>
    <name>PaperChartRenderer</name>
    <message>
        <source>not recorded</source>
        <translation>nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>attribution</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>from %1 s</source>
        <translation>ab %1 s</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: not enough memory to read this file</source>
        <translation>%1: nicht genügend Speicher, um diese Datei zu lesen</translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation>nicht genügend Speicher</translation>
    </message>
</context>
<context>
    <name>SessionFileTr</name>
    <message>
        <source>%1: cannot write the session (%2)</source>
        <translation>%1: Sitzung kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>%1: cannot open the session (%2)</source>
        <translation>%1: Sitzung kann nicht geöffnet werden (%2)</translation>
    </message>
    <message>
        <source>%1: not valid JSON at byte %2 (%3)</source>
        <translation>%1: kein gültiges JSON bei Byte %2 (%3)</translation>
    </message>
    <message>
        <source>%1: not an ExECG Studio session file</source>
        <translation>%1: keine Sitzungsdatei von ExECG Studio</translation>
    </message>
    <message>
        <source>%1: session format version %2; this ExECG Studio reads versions 1 to %3</source>
        <translation>%1: Sitzungsformat Version %2; diese Version von ExECG Studio liest die Versionen 1 bis %3</translation>
    </message>
</context>
<context>
    <name>TeachingBundleTr</name>
    <message>
        <source>%1: cannot copy into the bundle as %2</source>
        <translation>%1: kann nicht als %2 in das Lehrpaket kopiert werden</translation>
    </message>
    <message>
        <source>%1: the folder is not empty; a teaching bundle is written into a new or empty folder</source>
        <translation>%1: Der Ordner ist nicht leer; ein Lehrpaket wird in einen neuen oder leeren Ordner geschrieben</translation>
    </message>
    <message>
        <source>%1: cannot create the bundle&apos;s folders</source>
        <translation>%1: Die Ordner des Lehrpakets können nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>Fall %1</translation>
    </message>
    <message>
        <source>%1: left out of the bundle (it could not be read or written)</source>
        <translation>%1: nicht in das Lehrpaket aufgenommen (konnte nicht gelesen oder geschrieben werden)</translation>
    </message>
    <message>
        <source>%1: the model&apos;s generator lies outside the model&apos;s folder and was not copied</source>
        <translation>%1: Der Generator des Modells liegt außerhalb des Modellordners und wurde nicht kopiert</translation>
    </message>
    <message>
        <source>%1: cannot replace the empty folder</source>
        <translation>%1: Der leere Ordner kann nicht ersetzt werden</translation>
    </message>
    <message>
        <source>%1: cannot move the finished bundle into place</source>
        <translation>%1: Das fertige Lehrpaket kann nicht an seinen Zielort verschoben werden</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>the image could not be encoded</source>
        <translation>das Bild konnte nicht kodiert werden</translation>
    </message>
</context>
<context>
    <name>execg</name>
    <message>
        <source>filters %1–%2 Hz</source>
        <translation>Filter %1–%2 Hz</translation>
    </message>
    <message>
        <source>high-pass %1 Hz</source>
        <translation>Hochpass %1 Hz</translation>
    </message>
    <message>
        <source>low-pass %1 Hz</source>
        <translation>Tiefpass %1 Hz</translation>
    </message>
    <message>
        <source>notch %1 Hz</source>
        <translation>Notch-Filter %1 Hz</translation>
    </message>
    <message>
        <source>filters not stated in the file</source>
        <translation>Filter in der Datei nicht angegeben</translation>
    </message>
    <message>
        <source>de-identified</source>
        <translation>anonymisiert</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>geb. %1</translation>
    </message>
    <message>
        <source>age ≥ 90</source>
        <translation>Alter ≥ 90</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1 J.</translation>
    </message>
    <message>
        <source>patient not stated in the file</source>
        <translation>Patient in der Datei nicht angegeben</translation>
    </message>
    <message>
        <source>acquisition date removed</source>
        <translation>Aufnahmedatum entfernt</translation>
    </message>
    <message>
        <source>acquired %1</source>
        <translation>aufgezeichnet %1</translation>
    </message>
    <message>
        <source> (software %1)</source>
        <translation> (Software %1)</translation>
    </message>
    <message>
        <source>%1 s at %2 Hz, %3 leads · %4</source>
        <translation>%1 s bei %2 Hz, %3 Ableitungen · %4</translation>
    </message>
    <message>
        <source>%1 mm/s · %2 mm/mV</source>
        <translation>%1 mm/s · %2 mm/mV</translation>
    </message>
    <message>
        <source> (chest leads %1 mm/mV)</source>
        <translation> (Brustwandableitungen %1 mm/mV)</translation>
    </message>
    <message>
        <source>attribution</source>
        <translation>Attribution</translation>
    </message>
    <message>
        <source>full colour: a fixed %1</source>
        <translation>volle Farbe: fester Wert %1</translation>
    </message>
    <message>
        <source>full colour: 99th percentile of |a| over all %1 methods</source>
        <translation>volle Farbe: 99. Perzentil von |a| über alle %1 Methoden</translation>
    </message>
    <message>
        <source>full colour: 99th percentile of |a|</source>
        <translation>volle Farbe: 99. Perzentil von |a|</translation>
    </message>
    <message>
        <source>model: %1 %2 · sha256 %3…</source>
        <translation>Modell: %1 %2 · sha256 %3…</translation>
    </message>
    <message>
        <source>Demo model trained on synthetic ECGs — not for clinical use</source>
        <translation>Demomodell, trainiert mit synthetischen EKGs — nicht für den klinischen Einsatz</translation>
    </message>
    <message>
        <source>no recording to report</source>
        <translation>keine Aufzeichnung für den Bericht</translation>
    </message>
    <message>
        <source>ExECG Studio report</source>
        <translation>ExECG Studio – Bericht</translation>
    </message>
    <message>
        <source>cannot paint the PDF</source>
        <translation>das PDF kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>Alter %1</translation>
    </message>
</context>
<context>
    <name>execg::AuditLogModel</name>
    <message>
        <source> (seed %1)</source>
        <translation> (Seed %1)</translation>
    </message>
    <message>
        <source> (failed)</source>
        <translation> (fehlgeschlagen)</translation>
    </message>
    <message>
        <source>%1: there is no audit log yet — no analysis has been recorded</source>
        <translation>%1: Es gibt noch kein Prüfprotokoll — keine Analyse wurde aufgezeichnet</translation>
    </message>
    <message>
        <source>%1
SHA-256 %2</source>
        <translation>%1
SHA-256 %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>whole</source>
        <translation>intakt</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Methoden</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Kette</translation>
    </message>
</context>
<context>
    <name>execg::AuditLogView</name>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Audit log — ExECG Studio</source>
        <translation>Prüfprotokoll — ExECG Studio</translation>
    </message>
    <message>
        <source>file name, path or SHA-256</source>
        <translation>Dateiname, Pfad oder SHA-256</translation>
    </message>
    <message>
        <source>any model</source>
        <translation>beliebiges Modell</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>Fall:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>From (UTC):</source>
        <translation>Von (UTC):</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Select an entry to see it in full.</source>
        <translation>Wählen Sie einen Eintrag, um ihn vollständig zu sehen.</translation>
    </message>
    <message>
        <source>Reading and verifying the audit log…</source>
        <translation>Prüfprotokoll wird gelesen und geprüft …</translation>
    </message>
    <message>
        <source>the chain is whole: no entry has been edited, removed or moved</source>
        <translation>die Kette ist intakt: kein Eintrag wurde geändert, entfernt oder verschoben</translation>
    </message>
    <message>
        <source>1 problem in the chain: an entry was edited, removed or moved (shaded below)</source>
        <translation>1 Problem in der Kette: ein Eintrag wurde geändert, entfernt oder verschoben (unten hinterlegt)</translation>
    </message>
    <message>
        <source>%1 problems in the chain: entries were edited, removed or moved (shaded below)</source>
        <translation>%1 Probleme in der Kette: Einträge wurden geändert, entfernt oder verschoben (unten hinterlegt)</translation>
    </message>
    <message>
        <source>%1: %2 of %3 entries shown; %4.</source>
        <translation>%1: %2 von %3 Einträgen angezeigt; %4.</translation>
    </message>
    <message>
        <source>Entry %1, %2 UTC, %3 on %4, %5</source>
        <translation>Eintrag %1, %2 UTC, %3 auf %4, %5</translation>
    </message>
    <message>
        <source>Recording: %1 (SHA-256 %2)</source>
        <translation>Aufzeichnung: %1 (SHA-256 %2)</translation>
    </message>
    <message>
        <source>Model: %1 (SHA-256 %2)</source>
        <translation>Modell: %1 (SHA-256 %2)</translation>
    </message>
    <message>
        <source>Results document SHA-256: %1</source>
        <translation>SHA-256 des Ergebnisdokuments: %1</translation>
    </message>
    <message>
        <source>Entry hash: %1 (the one before: %2)</source>
        <translation>Eintrags-Hash: %1 (der vorige: %2)</translation>
    </message>
    <message>
        <source>Methods:</source>
        <translation>Methoden:</translation>
    </message>
    <message>
        <source>Software:</source>
        <translation>Software:</translation>
    </message>
</context>
<context>
    <name>execg::BareModelDialog</name>
    <message>
        <source>Model without a card</source>
        <translation>Modell ohne Modellkarte</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; has no model card beside it. Describe the input it was trained on; every result will carry a “no model card” warning. &lt;tt&gt;execg-cli model-info&lt;/tt&gt; guesses these from the file and writes a card to start from.</source>
        <translation>Neben &lt;b&gt;%1&lt;/b&gt; liegt keine Modellkarte. Beschreiben Sie die Eingabe, mit der das Modell trainiert wurde; jedes Ergebnis trägt dann die Warnung „keine Modellkarte“. &lt;tt&gt;execg-cli model-info&lt;/tt&gt; schätzt diese Angaben aus der Datei und schreibt eine Karte als Ausgangspunkt.</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>Sampling rate</source>
        <translation>Abtastrate</translation>
    </message>
    <message>
        <source>Samples per lead</source>
        <translation>Abtastwerte je Ableitung</translation>
    </message>
    <message>
        <source>Lead names in the model&apos;s channel order, separated by commas.</source>
        <translation>Ableitungsnamen in der Kanalreihenfolge des Modells, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Ableitungen</translation>
    </message>
    <message>
        <source>leads first (batch × leads × samples)</source>
        <translation>Ableitungen zuerst (Batch × Ableitungen × Abtastwerte)</translation>
    </message>
    <message>
        <source>samples first (batch × samples × leads)</source>
        <translation>Abtastwerte zuerst (Batch × Abtastwerte × Ableitungen)</translation>
    </message>
    <message>
        <source>Input layout</source>
        <translation>Eingabeanordnung</translation>
    </message>
</context>
<context>
    <name>execg::CohortFigures</name>
    <message>
        <source>all ECGs (%1)</source>
        <translation>alle EKGs (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>PR</source>
        <translation>PR</translation>
    </message>
    <message>
        <source>QRS</source>
        <translation>QRS</translation>
    </message>
    <message>
        <source>ST</source>
        <translation>ST</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>TP</source>
        <translation>TP</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>P waves</source>
        <translation>P-Wellen</translation>
    </message>
    <message>
        <source>PR segments</source>
        <translation>PR-Strecken</translation>
    </message>
    <message>
        <source>QRS complexes</source>
        <translation>QRS-Komplexen</translation>
    </message>
    <message>
        <source>ST segments</source>
        <translation>ST-Strecken</translation>
    </message>
    <message>
        <source>T waves</source>
        <translation>T-Wellen</translation>
    </message>
    <message>
        <source>TP baseline</source>
        <translation>TP-Grundlinie</translation>
    </message>
    <message>
        <source>regions outside the delineated waves</source>
        <translation>Bereichen außerhalb der abgegrenzten Wellen</translation>
    </message>
    <message>
        <source>all %1 ECGs</source>
        <translation>allen %1 EKGs</translation>
    </message>
    <message>
        <source>the %1 ECGs %2</source>
        <translation>den %1 EKGs %2</translation>
    </message>
    <message>
        <source>In %1 % of %2, %3 puts the largest share of its evidence in the %4, spread over the leads.</source>
        <translation>In %1 % von %2 legt %3 den größten Anteil seiner Evidenz in die %4, verteilt über die Ableitungen.</translation>
    </message>
    <message>
        <source>In %1 % of %2, %3 puts the largest share of its evidence in the %4, most in %5.</source>
        <translation>In %1 % von %2 legt %3 den größten Anteil seiner Evidenz in die %4, am meisten in %5.</translation>
    </message>
</context>
<context>
    <name>execg::CohortPages</name>
    <message>
        <source>Cohort report</source>
        <translation>Kohortenbericht</translation>
    </message>
    <message>
        <source>Model: %1 (SHA-256 %2…)</source>
        <translation>Modell: %1 (SHA-256 %2…)</translation>
    </message>
    <message>
        <source>Methods: %1</source>
        <translation>Methoden: %1</translation>
    </message>
    <message>
        <source>Counterfactual target: %1</source>
        <translation>Kontrafaktisches Ziel: %1</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>Records: %1 — %2 analysed, %3 could not be analysed</source>
        <translation>Aufzeichnungen: %1 — %2 analysiert, %3 nicht analysierbar</translation>
    </message>
    <message>
        <source>Headlines</source>
        <translation>Kernaussagen</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Records that could not be analysed</source>
        <translation>Nicht analysierbare Aufzeichnungen</translation>
    </message>
    <message>
        <source>%1 × %2 (e.g. %3)</source>
        <translation>%1 × %2 (z. B. %3)</translation>
    </message>
    <message>
        <source>… and %1 other reasons (all in the JSON)</source>
        <translation>… und %1 weitere Gründe (alle im JSON)</translation>
    </message>
    <message>
        <source>Where %1&apos;s evidence lies</source>
        <translation>Wo die Evidenz von %1 liegt</translation>
    </message>
    <message>
        <source>Share of the method&apos;s total |attribution| per wave in each ECG: boxes span the quartiles, whiskers the 5th to 95th percentiles, the line is the median. Groups by %1.</source>
        <translation>Anteil der gesamten |Attribution| der Methode je Welle in jedem EKG: Boxen umfassen die Quartile, Whisker das 5. bis 95. Perzentil, die Linie ist der Median. Gruppen nach %1.</translation>
    </message>
    <message>
        <source>%1 on the median beat</source>
        <translation>%1 am Medianschlag</translation>
    </message>
    <message>
        <source>Per lead: the mean median beat of all ECGs (black, 50 mm/s, 10 mm/mV) and, below it, the mean evidence over the beats of each ECG&apos;s median beat, relative to the ECG&apos;s average (1 = average), per group.</source>
        <translation>Je Ableitung: der mittlere Medianschlag aller EKGs (schwarz, 50 mm/s, 10 mm/mV) und darunter die mittlere Evidenz über die Schläge des Medianschlags jedes EKGs, relativ zum Mittel des EKGs (1 = Mittel), je Gruppe.</translation>
    </message>
    <message>
        <source>Agreement between the methods</source>
        <translation>Übereinstimmung zwischen den Methoden</translation>
    </message>
    <message>
        <source>Spearman&apos;s rank correlation of two methods&apos; shares per lead and wave, in each ECG; the median over the ECGs (quartiles in brackets).</source>
        <translation>Spearmans Rangkorrelation der Anteile zweier Methoden je Ableitung und Welle in jedem EKG; der Median über die EKGs (Quartile in Klammern).</translation>
    </message>
    <message>
        <source>What %1 changed</source>
        <translation>Was %1 verändert hat</translation>
    </message>
    <message>
        <source>Target reached in %1 of %2 ECGs. Per measurement: the median change with its 95 % confidence interval, the share of ECGs where it rose, Wilcoxon&apos;s signed-rank test and Holm&apos;s correction over the measurements. The 30 smallest p-values.</source>
        <translation>Ziel in %1 von %2 EKGs erreicht. Je Messgröße: die mediane Änderung mit 95-%-Konfidenzintervall, der Anteil der EKGs, in denen sie stieg, der Wilcoxon-Vorzeichen-Rang-Test und die Holm-Korrektur über die Messgrößen. Die 30 kleinsten p-Werte.</translation>
    </message>
    <message>
        <source>measurement</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>Ableitung</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <source>median change [95 % CI]</source>
        <translation>mediane Änderung [95-%-KI]</translation>
    </message>
    <message>
        <source>rose</source>
        <translation>gestiegen</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <source>%1: median %2 %3 (quartiles %4–%5), %6 ECGs</source>
        <translation>%1: Median %2 %3 (Quartile %4–%5), %6 EKGs</translation>
    </message>
    <message>
        <source>Share per lead, all ECGs</source>
        <translation>Anteil je Ableitung, alle EKGs</translation>
    </message>
    <message>
        <source>Evidence scale: the panel&apos;s bottom is 0; 14 mm is %1 × the ECG&apos;s average evidence (higher peaks are cut at the panel&apos;s top). Grid 1 mm; the dashed line is the QRS fiducial; the axis runs from %2 to %3 ms.</source>
        <translation>Evidenzskala: Der untere Rand des Felds ist 0; 14 mm entsprechen dem %1-Fachen der mittleren Evidenz des EKGs (höhere Spitzen werden am oberen Rand abgeschnitten). Raster 1 mm; die gestrichelte Linie ist der QRS-Bezugspunkt; die Achse reicht von %2 bis %3 ms.</translation>
    </message>
    <message>
        <source>ExECG Studio cohort report</source>
        <translation>ExECG Studio – Kohortenbericht</translation>
    </message>
    <message>
        <source>cannot paint the PDF</source>
        <translation>das PDF kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Concepts (TCAV) in each group</source>
        <translation>Konzepte (TCAV) in jeder Gruppe</translation>
    </message>
    <message>
        <source>Concept tests with each group&apos;s own ECGs as the inputs: the share of them whose output rises along the concept (score, 95 % interval), beside random directions; Welch&apos;s t-test with Holm&apos;s correction; a CAV below 70 % held-out accuracy is unreliable, and so is one between concept and random ECGs of different origins (read from files against generated), which it tells apart by origin alone.</source>
        <translation>Konzepttests mit den eigenen EKGs jeder Gruppe als Eingaben: der Anteil, dessen Ausgabe entlang des Konzepts steigt (Score, 95-%-Intervall), neben zufälligen Richtungen; Welch-t-Test mit Holm-Korrektur; ein CAV unter 70 % Genauigkeit auf zurückgehaltenen Daten ist unzuverlässig, ebenso einer zwischen Konzept- und Zufalls-EKGs verschiedener Herkunft (aus Dateien gelesen gegen generierte), die er allein an ihrer Herkunft unterscheidet.</translation>
    </message>
    <message>
        <source>could not run: %1</source>
        <translation>konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>signifikant</translation>
    </message>
    <message>
        <source>not significant</source>
        <translation>nicht signifikant</translation>
    </message>
    <message>
        <source>unreliable CAV</source>
        <translation>unzuverlässiger CAV</translation>
    </message>
    <message>
        <source>group (ECGs)</source>
        <translation>Gruppe (EKGs)</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>Konzept</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>score [95 % CI]</source>
        <translation>Score [95-%-KI]</translation>
    </message>
    <message>
        <source>random</source>
        <translation>zufällig</translation>
    </message>
    <message>
        <source>CAV</source>
        <translation>CAV</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>Urteil</translation>
    </message>
</context>
<context>
    <name>execg::CohortView</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Cohort — ExECG Studio</source>
        <translation>Kohorte — ExECG Studio</translation>
    </message>
    <message>
        <source>Open a cohort store…</source>
        <translation>Kohortenspeicher öffnen…</translation>
    </message>
    <message>
        <source>Analyse a folder…</source>
        <translation>Ordner analysieren…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open a cohort store (execg-cli cohort run) or analyse a folder of recordings with the model in use.</source>
        <translation>Öffnen Sie einen Kohortenspeicher (execg-cli cohort run) oder analysieren Sie einen Ordner mit Aufzeichnungen mit dem verwendeten Modell.</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Wave (records):</source>
        <translation>Welle (Aufzeichnungen):</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Gruppen:</translation>
    </message>
    <message>
        <source>Share of the evidence per wave, by group</source>
        <translation>Anteil der Evidenz je Welle, nach Gruppe</translation>
    </message>
    <message>
        <source>Share of the evidence per lead, all ECGs</source>
        <translation>Anteil der Evidenz je Ableitung, alle EKGs</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Share in the wave, %</source>
        <translation>Anteil in der Welle, %</translation>
    </message>
    <message>
        <source>Evidence by wave and lead</source>
        <translation>Evidenz nach Welle und Ableitung</translation>
    </message>
    <message>
        <source>On the median beat</source>
        <translation>Am Medianschlag</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Aufzeichnungen</translation>
    </message>
    <message>
        <source>%1 of %2 recordings · %3 a minute · %4 left · %5 could not be analysed</source>
        <translation>%1 von %2 Aufzeichnungen · %3 pro Minute · noch %4 · %5 nicht analysierbar</translation>
    </message>
    <message>
        <source>Stopped: %1 analysed, %2 could not be analysed in this run; analysing the folder into the same store again goes on from here.</source>
        <translation>Angehalten: %1 analysiert, %2 in diesem Lauf nicht analysierbar; wird der Ordner erneut in denselben Speicher analysiert, geht es hier weiter.</translation>
    </message>
    <message>
        <source>This run: %1 analysed, %2 could not be analysed.</source>
        <translation>Dieser Lauf: %1 analysiert, %2 nicht analysierbar.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Error: no model is loaded in the workstation to analyse the folder with.</source>
        <translation>Fehler: In der Arbeitsstation ist kein Modell geladen, mit dem der Ordner analysiert werden könnte.</translation>
    </message>
    <message>
        <source>Analysing with %1 into %2…</source>
        <translation>Analyse mit %1 in %2…</translation>
    </message>
    <message>
        <source>Open a cohort store</source>
        <translation>Kohortenspeicher öffnen</translation>
    </message>
    <message>
        <source>Cohort stores (*.sqlite *.db);;All files (*)</source>
        <translation>Kohortenspeicher (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Analyse the recordings in a folder</source>
        <translation>Die Aufzeichnungen eines Ordners analysieren</translation>
    </message>
    <message>
        <source>Cohort store (an existing one is resumed)</source>
        <translation>Kohortenspeicher (ein vorhandener wird fortgesetzt)</translation>
    </message>
    <message>
        <source>Cohort stores (*.sqlite)</source>
        <translation>Kohortenspeicher (*.sqlite)</translation>
    </message>
    <message>
        <source>by prediction</source>
        <translation>nach Vorhersage</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>nach %1</translation>
    </message>
    <message>
        <source>%1: %2 recordings, %3 analysed, %4 could not be analysed; model %5</source>
        <translation>%1: %2 Aufzeichnungen, %3 analysiert, %4 nicht analysierbar; Modell %5</translation>
    </message>
</context>
<context>
    <name>execg::ComparisonPage</name>
    <message>
        <source>Model against model</source>
        <translation>Modell gegen Modell</translation>
    </message>
    <message>
        <source>The same recording through %1 models; each model&apos;s evidence (%2) as shares of its own total.</source>
        <translation>Dieselbe Aufzeichnung durch %1 Modelle; die Evidenz jedes Modells (%2) als Anteile an seiner eigenen Summe.</translation>
    </message>
    <message>
        <source>prediction: %1 · %2</source>
        <translation>Vorhersage: %1 · %2</translation>
    </message>
    <message>
        <source>%1 minus %2 (points of each model&apos;s evidence)</source>
        <translation>%1 minus %2 (Prozentpunkte der Evidenz jedes Modells)</translation>
    </message>
    <message>
        <source>cannot paint the PDF</source>
        <translation>das PDF kann nicht gezeichnet werden</translation>
    </message>
</context>
<context>
    <name>execg::ComparisonView</name>
    <message>
        <source>Colour scale:</source>
        <translation>Farbskala:</translation>
    </message>
    <message>
        <source>Shared by all methods</source>
        <translation>Gemeinsam für alle Methoden</translation>
    </message>
    <message>
        <source>Each method its own</source>
        <translation>Eigene je Methode</translation>
    </message>
    <message>
        <source>Methods whose maps come in different units (a gradient per mV, an output change) may look empty on a shared scale: give each its own scale to compare where, not how much.</source>
        <translation>Methoden, deren Karten unterschiedliche Einheiten haben (ein Gradient pro mV, eine Ausgabeänderung), können auf einer gemeinsamen Skala leer wirken: Geben Sie jeder Methode eine eigene Skala, um zu vergleichen, wo – nicht wie stark.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>from</source>
        <translation>ab</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds from the start of the stretch the model saw</source>
        <translation>Sekunden ab Beginn des Abschnitts, den das Modell gesehen hat</translation>
    </message>
    <message>
        <source>Choose methods and run them to compare their maps here.</source>
        <translation>Wählen Sie Methoden aus und führen Sie sie aus, um ihre Karten hier zu vergleichen.</translation>
    </message>
    <message>
        <source>attribution</source>
        <translation>Attribution</translation>
    </message>
    <message numerus="yes">
        <source>scale shared by %n method(s)</source>
        <translation>
            <numerusform>Skala für %n Methode</numerusform>
            <numerusform>gemeinsame Skala für %n Methoden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>execg::ConceptTests</name>
    <message>
        <source>Load a model first.</source>
        <translation>Laden Sie zuerst ein Modell.</translation>
    </message>
    <message>
        <source>Choose at least one concept.</source>
        <translation>Wählen Sie mindestens ein Konzept.</translation>
    </message>
    <message numerus="yes">
        <source>Concept tests (%n concept(s))</source>
        <translation>
            <numerusform>Konzepttests (%n Konzept)</numerusform>
            <numerusform>Konzepttests (%n Konzepte)</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>execg::CounterfactualView</name>
    <message>
        <source>bring</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>auf</translation>
    </message>
    <message>
        <source>Find the counterfactual</source>
        <translation>Kontrafaktisches EKG suchen</translation>
    </message>
    <message>
        <source>Change the recording as little as possible, the chosen way, until the model&apos;s answer reaches the target</source>
        <translation>Die Aufzeichnung auf die gewählte Weise so wenig wie möglich ändern, bis die Antwort des Modells das Ziel erreicht</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>model output</source>
        <translation>Modellausgabe</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Ableitung</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Input-space counterfactual</source>
        <translation>Kontrafaktisches EKG im Eingaberaum</translation>
    </message>
    <message>
        <source>Parametric (beat) counterfactual</source>
        <translation>Parametrisches kontrafaktisches EKG (Schläge)</translation>
    </message>
    <message>
        <source>Generator (latent) counterfactual</source>
        <translation>Kontrafaktisches EKG per Generator (latent)</translation>
    </message>
    <message>
        <source>The recording itself changes, smoothly and band-limited, on the leads allowed to move.</source>
        <translation>Die Aufzeichnung selbst ändert sich – glatt und bandbegrenzt – in den Ableitungen, die sich ändern dürfen.</translation>
    </message>
    <message>
        <source>The beats&apos; wave amplitudes per lead, PR, QRS, QT, P and T widths and RR intervals change, and the result says so in words.</source>
        <translation>Die Wellenamplituden der Schläge je Ableitung, PR, QRS, QT, P- und T-Dauer sowie die RR-Intervalle ändern sich; das Ergebnis beschreibt dies in Worten.</translation>
    </message>
    <message>
        <source>The recording&apos;s code in the model card&apos;s generator moves; the change is what the generator draws.</source>
        <translation>Der Code der Aufzeichnung im Generator der Modellkarte verschiebt sich; die Änderung ist das, was der Generator erzeugt.</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>Nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Searching …</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <source>No counterfactual: %1</source>
        <translation>Kein kontrafaktisches EKG: %1</translation>
    </message>
    <message>
        <source>✓ Target reached: %1 %2 → %3 %2 in %4 steps (%5 ms).</source>
        <translation>✓ Ziel erreicht: %1 %2 → %3 %2 in %4 Schritten (%5 ms).</translation>
    </message>
    <message>
        <source>✗ Target NOT reached: %1 %2 → %3 %2 after %4 steps (%5 ms); the best attempt is shown.</source>
        <translation>✗ Ziel NICHT erreicht: %1 %2 → %3 %2 nach %4 Schritten (%5 ms); der beste Versuch wird angezeigt.</translation>
    </message>
    <message>
        <source>Change: mean |Δ| %1 mV, RMS %2 mV, largest %3 mV.</source>
        <translation>Änderung: mittlere |Δ| %1 mV, RMS %2 mV, größte %3 mV.</translation>
    </message>
    <message>
        <source>What moved: %1.</source>
        <translation>Was sich geändert hat: %1.</translation>
    </message>
    <message>
        <source>counterfactual: %1 %2</source>
        <translation>kontrafaktisches EKG: %1 %2</translation>
    </message>
</context>
<context>
    <name>execg::DisplayToolBar</name>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source> Layout </source>
        <translation> Layout </translation>
    </message>
    <message>
        <source>3×4</source>
        <translation>3×4</translation>
    </message>
    <message>
        <source>3×4 + rhythm</source>
        <translation>3×4 + Rhythmus</translation>
    </message>
    <message>
        <source>3×4 + 3 rhythm</source>
        <translation>3×4 + 3 Rhythmus</translation>
    </message>
    <message>
        <source>6×2</source>
        <translation>6×2</translation>
    </message>
    <message>
        <source>12×1</source>
        <translation>12×1</translation>
    </message>
    <message>
        <source> Speed </source>
        <translation> Vorschub </translation>
    </message>
    <message>
        <source>%1 mm/s</source>
        <translation>%1 mm/s</translation>
    </message>
    <message>
        <source> Gain </source>
        <translation> Verstärkung </translation>
    </message>
    <message>
        <source>%1 mm/mV</source>
        <translation>%1 mm/mV</translation>
    </message>
    <message>
        <source> Grid </source>
        <translation> Raster </translation>
    </message>
    <message>
        <source>red</source>
        <translation>rot</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>grau</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ohne</translation>
    </message>
    <message>
        <source> Map </source>
        <translation> Karte </translation>
    </message>
    <message>
        <source>band</source>
        <translation>Band</translation>
    </message>
    <message>
        <source>trace colour</source>
        <translation>Kurvenfarbe</translation>
    </message>
    <message>
        <source>strip</source>
        <translation>Streifen</translation>
    </message>
    <message>
        <source> Colours </source>
        <translation> Farben </translation>
    </message>
    <message>
        <source>blue–red (signed)</source>
        <translation>blau–rot (mit Vorzeichen)</translation>
    </message>
    <message>
        <source>cividis</source>
        <translation>cividis</translation>
    </message>
    <message>
        <source>viridis</source>
        <translation>viridis</translation>
    </message>
    <message>
        <source> Filter </source>
        <translation> Filter </translation>
    </message>
    <message>
        <source>For the eye only: the model, the measurements and the report read the recording as recorded</source>
        <translation>Nur für die Anzeige: Modell, Messungen und Bericht verwenden die Aufzeichnung wie aufgezeichnet</translation>
    </message>
    <message>
        <source>as recorded</source>
        <translation>wie aufgezeichnet</translation>
    </message>
    <message>
        <source>diagnostic 0.05–150 Hz</source>
        <translation>diagnostisch 0,05–150 Hz</translation>
    </message>
    <message>
        <source>monitoring 0.5–40 Hz</source>
        <translation>Monitoring 0,5–40 Hz</translation>
    </message>
    <message>
        <source> Mains </source>
        <translation> Netz </translation>
    </message>
    <message>
        <source>no notch</source>
        <translation>kein Notch-Filter</translation>
    </message>
    <message>
        <source>50 Hz notch</source>
        <translation>50-Hz-Notch-Filter</translation>
    </message>
    <message>
        <source>60 Hz notch</source>
        <translation>60-Hz-Notch-Filter</translation>
    </message>
    <message>
        <source> Detail </source>
        <translation> Detail </translation>
    </message>
    <message>
        <source>How the map is drawn, for the eye only: gradient maps are spiky, so they are smoothed over a few milliseconds, or each wave&apos;s share of the evidence is painted over the wave. The stored map, the evidence tables and the exported results are never smoothed.</source>
        <translation>Wie die Karte gezeichnet wird, nur fürs Auge: Gradientenkarten sind zackig, daher werden sie über einige Millisekunden geglättet, oder der Anteil jeder Welle an der Evidenz wird über die Welle gemalt. Die gespeicherte Karte, die Evidenztabellen und die exportierten Ergebnisse werden nie geglättet.</translation>
    </message>
    <message>
        <source>as computed</source>
        <translation>wie berechnet</translation>
    </message>
    <message>
        <source>smoothed %1 ms</source>
        <translation>geglättet %1 ms</translation>
    </message>
    <message>
        <source>per wave</source>
        <translation>je Welle</translation>
    </message>
</context>
<context>
    <name>execg::EvidenceView</name>
    <message>
        <source>Share of the evidence per lead and wave:</source>
        <translation>Anteil der Evidenz je Ableitung und Welle:</translation>
    </message>
    <message>
        <source>Run a method to see where its evidence lies.</source>
        <translation>Führen Sie eine Methode aus, um zu sehen, wo ihre Evidenz liegt.</translation>
    </message>
    <message>
        <source>No evidence: the map is zero.</source>
        <translation>Keine Evidenz: Die Karte ist null.</translation>
    </message>
    <message>
        <source>lead total</source>
        <translation>Summe Ableitung</translation>
    </message>
    <message>
        <source>all leads</source>
        <translation>alle Ableitungen</translation>
    </message>
</context>
<context>
    <name>execg::ExplainerPanel</name>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>done (cached)</source>
        <translation>fertig (Cache)</translation>
    </message>
    <message>
        <source>done, %1 ms</source>
        <translation>fertig, %1 ms</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Methods (tick several to compare):</source>
        <translation>Methoden (zum Vergleich mehrere ankreuzen):</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>Explain the current case with the ticked methods (results already computed come from the cache)</source>
        <translation>Den aktuellen Fall mit den angekreuzten Methoden erklären (bereits berechnete Ergebnisse kommen aus dem Cache)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Stop the methods still running; their partial results are discarded</source>
        <translation>Noch laufende Methoden stoppen; ihre Teilergebnisse werden verworfen</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>execg::LeadFocusView</name>
    <message>
        <source>Lead:</source>
        <translation>Ableitung:</translation>
    </message>
    <message>
        <source>drag to pan, wheel to zoom in time; maps scaled to their own 99th percentile</source>
        <translation>Ziehen zum Verschieben, Mausrad zum Zoomen der Zeitachse; Karten auf ihr eigenes 99. Perzentil skaliert</translation>
    </message>
    <message>
        <source>mV</source>
        <translation>mV</translation>
    </message>
    <message>
        <source>attribution (relative)</source>
        <translation>Attribution (relativ)</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
</context>
<context>
    <name>execg::MainWindow</name>
    <message>
        <source>ExECG Studio</source>
        <translation>ExECG Studio</translation>
    </message>
    <message>
        <source>The method whose map is drawn over the chart</source>
        <translation>Die Methode, deren Karte über das EKG gelegt wird</translation>
    </message>
    <message>
        <source>Map on the chart:</source>
        <translation>Karte im EKG:</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>EKG</translation>
    </message>
    <message>
        <source>Compare methods</source>
        <translation>Methoden vergleichen</translation>
    </message>
    <message>
        <source>Evidence by lead and wave</source>
        <translation>Evidenz nach Ableitung und Welle</translation>
    </message>
    <message>
        <source>Measurements and median beats</source>
        <translation>Messwerte und Medianschläge</translation>
    </message>
    <message>
        <source>Counterfactual</source>
        <translation>Kontrafaktisches EKG</translation>
    </message>
    <message>
        <source>Concepts (TCAV)</source>
        <translation>Konzepte (TCAV)</translation>
    </message>
    <message>
        <source>All leads (scroll)</source>
        <translation>Alle Ableitungen (scrollen)</translation>
    </message>
    <message>
        <source>Model %1 loaded</source>
        <translation>Modell %1 geladen</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>Could not export %1
%2</source>
        <translation>%1 konnte nicht exportiert werden
%2</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>Arbeitsliste</translation>
    </message>
    <message>
        <source>Model and prediction</source>
        <translation>Modell und Vorhersage</translation>
    </message>
    <message>
        <source>Explanation methods</source>
        <translation>Erklärungsmethoden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open the &amp;demo case</source>
        <translation>&amp;Demofall öffnen</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Export PDF &amp;report…</source>
        <translation>&amp;PDF-Bericht exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export the &amp;view as PNG or SVG…</source>
        <translation>&amp;Ansicht als PNG oder SVG exportieren…</translation>
    </message>
    <message>
        <source>Export the results as &amp;JSON…</source>
        <translation>Ergebnisse als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Fall</translation>
    </message>
    <message>
        <source>&amp;Next case</source>
        <translation>&amp;Nächster Fall</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>&amp;Previous case</source>
        <translation>&amp;Vorheriger Fall</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>E&amp;KG</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>C&amp;ompare methods</source>
        <translation>Methoden &amp;vergleichen</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Evidence by lead and wave</source>
        <translation>&amp;Evidenz nach Ableitung und Welle</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Measurements and median beats</source>
        <translation>&amp;Messwerte und Medianschläge</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>Co&amp;unterfactual</source>
        <translation>Kon&amp;trafaktisches EKG</translation>
    </message>
    <message>
        <source>Ctrl+5</source>
        <translation>Ctrl+5</translation>
    </message>
    <message>
        <source>Co&amp;ncepts (TCAV)</source>
        <translation>Konze&amp;pte (TCAV)</translation>
    </message>
    <message>
        <source>Ctrl+6</source>
        <translation>Ctrl+6</translation>
    </message>
    <message>
        <source>&amp;All leads</source>
        <translation>&amp;Alle Ableitungen</translation>
    </message>
    <message>
        <source>Ctrl+7</source>
        <translation>Ctrl+7</translation>
    </message>
    <message>
        <source>C&amp;alipers (or Shift+drag)</source>
        <translation>Messzirke&amp;l (oder Umschalt+Ziehen)</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>La&amp;nguage</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The language changes at the next start of ExECG Studio.</source>
        <translation>Die Sprache wird beim nächsten Start von ExECG Studio gewechselt.</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Verklei&amp;nern</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;True size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Ctrl+Shift+0</source>
        <translation>Ctrl+Shift+0</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <source>&amp;Run the chosen methods</source>
        <translation>Gewählte Methoden &amp;ausführen</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Cancel running methods</source>
        <translation>Laufende Methoden a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>Assess &amp;quality</source>
        <translation>&amp;Qualität bewerten</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation>Ctrl+Shift+Q</translation>
    </message>
    <message>
        <source>%1 — ExECG Studio</source>
        <translation>%1 — ExECG Studio</translation>
    </message>
    <message>
        <source>%1 (%2): read in %3 ms, chart shown after %4 ms</source>
        <translation>%1 (%2): in %3 ms gelesen, EKG nach %4 ms angezeigt</translation>
    </message>
    <message numerus="yes">
        <source> — %n warning(s): </source>
        <translation>
            <numerusform> — %n Warnung: </numerusform>
            <numerusform> — %n Warnungen: </numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open %1
%2</source>
        <translation>%1 konnte nicht geöffnet werden
%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>PDF-Bericht exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>Ansicht exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Grafik (*.svg)</translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation>Ergebnisse exportieren</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export the counterfactual</source>
        <translation>Kontrafaktisches EKG exportieren</translation>
    </message>
    <message>
        <source>ECG recordings (%1);;All files (*)</source>
        <translation>EKG-Aufzeichnungen (%1);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Open ECG recordings</source>
        <translation>EKG-Aufzeichnungen öffnen</translation>
    </message>
    <message>
        <source>Open a folder of ECG recordings</source>
        <translation>Ordner mit EKG-Aufzeichnungen öffnen</translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation>Anonymisiert</translation>
    </message>
    <message>
        <source>Teaching mode: names, IDs, dates and free text are removed on screen and in every export</source>
        <translation>Lehrmodus: Namen, IDs, Daten und Freitext werden auf dem Bildschirm und in jedem Export entfernt</translation>
    </message>
    <message>
        <source>&amp;Teaching</source>
        <translation>&amp;Lehre</translation>
    </message>
    <message>
        <source>&amp;De-identify cases</source>
        <translation>Fälle &amp;anonymisieren</translation>
    </message>
    <message>
        <source>hidden until revealed</source>
        <translation>ausgeblendet bis zum Aufdecken</translation>
    </message>
    <message>
        <source>Blind mode: the model&apos;s answer is hidden until it is revealed</source>
        <translation>Blindmodus: Die Antwort des Modells ist ausgeblendet, bis sie aufgedeckt wird</translation>
    </message>
    <message>
        <source>Export the &amp;counterfactual as a recording…</source>
        <translation>&amp;Kontrafaktisches EKG als Aufzeichnung exportieren…</translation>
    </message>
    <message>
        <source>%1 recording (%2)</source>
        <translation>%1-Aufzeichnung (%2)</translation>
    </message>
    <message>
        <source>Co&amp;hort…</source>
        <translation>&amp;Kohorte…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>Not recorded in the audit log: %1</source>
        <translation>Nicht im Prüfprotokoll festgehalten: %1</translation>
    </message>
    <message>
        <source>Record analyses in the &amp;audit log</source>
        <translation>Analysen im &amp;Prüfprotokoll festhalten</translation>
    </message>
    <message>
        <source>Audit &amp;log…</source>
        <translation>&amp;Prüfprotokoll …</translation>
    </message>
    <message>
        <source>Compare &amp;models…</source>
        <translation>&amp;Modelle vergleichen …</translation>
    </message>
</context>
<context>
    <name>execg::MeasurementsView</name>
    <message>
        <source>Measurement</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Median beats, 50 mm/s</source>
        <translation>Medianschläge, 50 mm/s</translation>
    </message>
    <message>
        <source> — %1 averaged over the aligned beats</source>
        <translation> — %1 gemittelt über die ausgerichteten Schläge</translation>
    </message>
</context>
<context>
    <name>execg::ModelComparisonSession</name>
    <message>
        <source>%1: nothing to export yet — compare the models first</source>
        <translation>%1: noch nichts zu exportieren — vergleichen Sie zuerst die Modelle</translation>
    </message>
</context>
<context>
    <name>execg::ModelComparisonView</name>
    <message>
        <source>Model against model — ExECG Studio</source>
        <translation>Modell gegen Modell — ExECG Studio</translation>
    </message>
    <message>
        <source>Other model…</source>
        <translation>Anderes Modell …</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF exportieren …</translation>
    </message>
    <message>
        <source>against</source>
        <translation>gegen</translation>
    </message>
    <message>
        <source>Points of each model&apos;s own evidence: the second model&apos;s share in that lead and wave minus the first model&apos;s (red: the second relies on it more, blue: less)</source>
        <translation>Prozentpunkte der eigenen Evidenz jedes Modells: der Anteil des zweiten Modells in dieser Ableitung und Welle minus der des ersten (rot: das zweite stützt sich mehr darauf, blau: weniger)</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>Den Vergleich exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The models could not be compared: %1</source>
        <translation>Die Modelle konnten nicht verglichen werden: %1</translation>
    </message>
    <message>
        <source>%1 (the case&apos;s model)</source>
        <translation>%1 (das Modell des Falls)</translation>
    </message>
    <message>
        <source>%1 with %2: choose the model to compare it with.</source>
        <translation>%1 mit %2: wählen Sie das Modell zum Vergleich.</translation>
    </message>
    <message>
        <source>Running %1 with both models …</source>
        <translation>%1 läuft mit beiden Modellen …</translation>
    </message>
    <message>
        <source>Compare with a model</source>
        <translation>Mit einem Modell vergleichen</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt)</source>
        <translation>TorchScript-Modelle (*.pt)</translation>
    </message>
    <message>
        <source>% of each model&apos;s evidence; one scale for all</source>
        <translation>% der Evidenz jedes Modells; eine Skala für alle</translation>
    </message>
    <message>
        <source>%1 against %2 on %3, %4: points of each model&apos;s own evidence, second minus first.</source>
        <translation>%1 gegen %2 an %3, %4: Prozentpunkte der eigenen Evidenz jedes Modells, zweites minus erstes.</translation>
    </message>
</context>
<context>
    <name>execg::ModelPanel</name>
    <message>
        <source>Other…</source>
        <translation>Andere…</translation>
    </message>
    <message>
        <source>Open a TorchScript model (.pt) with its model card (.card.json) beside it</source>
        <translation>TorchScript-Modell (.pt) mit daneben liegender Modellkarte (.card.json) öffnen</translation>
    </message>
    <message>
        <source>Explain:</source>
        <translation>Erklären:</translation>
    </message>
    <message>
        <source>The model output the explanations are computed for</source>
        <translation>Die Modellausgabe, für die die Erklärungen berechnet werden</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt)</source>
        <translation>TorchScript-Modelle (*.pt)</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>Kein Modell geladen.</translation>
    </message>
    <message>
        <source>Demo model trained on synthetic ECGs — not for clinical use</source>
        <translation>Demomodell, trainiert mit synthetischen EKGs — nicht für den klinischen Einsatz</translation>
    </message>
    <message>
        <source>the predicted output</source>
        <translation>die vorhergesagte Ausgabe</translation>
    </message>
    <message>
        <source>Predicting …</source>
        <translation>Vorhersage läuft …</translation>
    </message>
    <message>
        <source>The model&apos;s answer is hidden until the presenter reveals it (Teaching ▸ Reveal).</source>
        <translation>Die Antwort des Modells ist ausgeblendet, bis die vortragende Person sie aufdeckt (Lehre ▸ Antwort aufdecken).</translation>
    </message>
    <message>
        <source>Model card: intended use and limitations</source>
        <translation>Modellkarte: Verwendungszweck und Grenzen</translation>
    </message>
    <message>
        <source>Lead:</source>
        <translation>Ableitung:</translation>
    </message>
    <message>
        <source>The recording&apos;s lead the single-lead model reads</source>
        <translation>Die Ableitung der Aufzeichnung, die das Einkanal-Modell liest</translation>
    </message>
    <message>
        <source>%1 (the model&apos;s)</source>
        <translation>%1 (die des Modells)</translation>
    </message>
    <message>
        <source>from lead %1</source>
        <translation>aus Ableitung %1</translation>
    </message>
    <message>
        <source>How far the prediction moves when the recording varies as recordings do: noise at its own level, baseline wander, the window a beat later or earlier, and MC dropout where the model has dropout layers. The interval holds 90 % of the varied predictions; a referral is raised when it crosses the model card&apos;s decision threshold.</source>
        <translation>Wie weit sich die Vorhersage bewegt, wenn die Aufzeichnung variiert wie Aufzeichnungen es tun: Rauschen in ihrer eigenen Stärke, Grundlinienschwankung, das Fenster einen Schlag später oder früher, und MC-Dropout, wo das Modell Dropout-Schichten hat. Das Intervall enthält 90 % der variierten Vorhersagen; eine Überweisung wird empfohlen, wenn es die Entscheidungsschwelle der Modellkarte kreuzt.</translation>
    </message>
    <message>
        <source>Stability not assessed: %1</source>
        <translation>Stabilität nicht geprüft: %1</translation>
    </message>
    <message>
        <source>Checking how stable the prediction is …</source>
        <translation>Prüfe, wie stabil die Vorhersage ist …</translation>
    </message>
    <message>
        <source>unstable: %1%2 (%3–%4) — refer to a physician</source>
        <translation>instabil: %1%2 (%3–%4) — ärztlich abklären lassen</translation>
    </message>
    <message>
        <source>stable: %1%2 (%3–%4)</source>
        <translation>stabil: %1%2 (%3–%4)</translation>
    </message>
    <message>
        <source> (shorter recordings at their own length, from %1 s)</source>
        <translation> (kürzere Aufzeichnungen in ihrer eigenen Länge, ab %1 s)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;input: %3 leads at %4 Hz, %5 samples (%6 s)%7, %8&lt;br&gt;&lt;i&gt;Intended use:&lt;/i&gt; %9&lt;br&gt;&lt;i&gt;Limitations:&lt;/i&gt; %10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;Eingabe: %3 Ableitungen bei %4 Hz, %5 Abtastwerte (%6 s)%7, %8&lt;br&gt;&lt;i&gt;Zweckbestimmung:&lt;/i&gt; %9&lt;br&gt;&lt;i&gt;Einschränkungen:&lt;/i&gt; %10</translation>
    </message>
</context>
<context>
    <name>execg::PaperChartView</name>
    <message>
        <source>No recording open</source>
        <translation>Keine Aufzeichnung geöffnet</translation>
    </message>
    <message>
        <source>%1 mm/s · %2 mm/mV · %3 % of true size</source>
        <translation>%1 mm/s · %2 mm/mV · %3 % der Originalgröße</translation>
    </message>
    <message>
        <source>%1 mm/s · %2 mm/mV</source>
        <translation>%1 mm/s · %2 mm/mV</translation>
    </message>
    <message>
        <source>%1 ms · %2 bpm · %3 mV%4</source>
        <translation>%1 ms · %2 bpm · %3 mV%4</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
</context>
<context>
    <name>execg::ParameterForm</name>
    <message>
        <source>This method has no parameters.</source>
        <translation>Diese Methode hat keine Parameter.</translation>
    </message>
    <message>
        <source>(the card&apos;s layer)</source>
        <translation>(Schicht aus der Modellkarte)</translation>
    </message>
    <message>
        <source>(choose a layer: the model has no card)</source>
        <translation>(Schicht wählen: das Modell hat keine Karte)</translation>
    </message>
</context>
<context>
    <name>execg::PresenterWindow</name>
    <message>
        <source>ExECG Studio — presenter view</source>
        <translation>ExECG Studio — Präsentationsansicht</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Zurück</translation>
    </message>
    <message>
        <source>Previous case (←)</source>
        <translation>Vorheriger Fall (←)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Weiter ▶</translation>
    </message>
    <message>
        <source>Next case (→)</source>
        <translation>Nächster Fall (→)</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Aufdecken</translation>
    </message>
    <message>
        <source>Show the model&apos;s answer and map (R)</source>
        <translation>Antwort und Karte des Modells anzeigen (R)</translation>
    </message>
    <message>
        <source>Pointer</source>
        <translation>Zeiger</translation>
    </message>
    <message>
        <source>A large dot that follows the mouse</source>
        <translation>Ein großer Punkt, der der Maus folgt</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Stift</translation>
    </message>
    <message>
        <source>Draw on the chart</source>
        <translation>Auf dem EKG zeichnen</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>Mark a stretch of a lead (the quiz)</source>
        <translation>Einen Abschnitt einer Ableitung markieren (das Quiz)</translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation>Navigieren</translation>
    </message>
    <message>
        <source>Pan and measure</source>
        <translation>Verschieben und messen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Remove the last stroke</source>
        <translation>Den letzten Strich entfernen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Remove the drawings and marks of this case</source>
        <translation>Die Zeichnungen und Markierungen dieses Falls entfernen</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Back to the workstation (Esc)</source>
        <translation>Zurück zum Arbeitsplatz (Esc)</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>Kein Fall geöffnet</translation>
    </message>
    <message>
        <source>Case %1 of %2 — %3</source>
        <translation>Fall %1 von %2 — %3</translation>
    </message>
    <message>
        <source>The model&apos;s answer is hidden. Reveal it with R.</source>
        <translation>Die Antwort des Modells ist ausgeblendet. Mit R aufdecken.</translation>
    </message>
</context>
<context>
    <name>execg::QualityPanel</name>
    <message>
        <source>Assess &amp;quality</source>
        <translation>&amp;Qualität bewerten</translation>
    </message>
    <message>
        <source>Score every finished map: deletion against a random map, the randomisation sanity check, stability under noise and baseline drift, agreement, and localisation on synthetic cases (about a second per method)</source>
        <translation>Jede fertige Karte bewerten: Deletion gegenüber einer Zufallskarte, Plausibilitätstest durch Randomisierung, Stabilität bei Rauschen und Grundliniendrift, Übereinstimmung sowie Lokalisation bei synthetischen Fällen (etwa eine Sekunde pro Methode)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Faithfulness</source>
        <translation>Treue</translation>
    </message>
    <message>
        <source>Sanity</source>
        <translation>Plausibilität</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>Stabilität</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Localisation</source>
        <translation>Lokalisation</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Deletion gain over a random map: ≥ 0.1 faithful, about 0 no better than random</source>
        <translation>Deletion-Gewinn gegenüber einer Zufallskarte: ≥ 0,1 treu, etwa 0 nicht besser als Zufall</translation>
    </message>
    <message>
        <source>Cascading model randomisation: a map that survives it does not explain this model</source>
        <translation>Kaskadierende Modellrandomisierung: Eine Karte, die sie unverändert übersteht, erklärt dieses Modell nicht</translation>
    </message>
    <message>
        <source>Average sensitivity to 10 µV noise and slow baseline drift (relative change of the map; lower is steadier)</source>
        <translation>Mittlere Empfindlichkeit gegenüber 10 µV Rauschen und langsamer Grundliniendrift (relative Änderung der Karte; niedriger ist stabiler)</translation>
    </message>
    <message>
        <source>Mean rank correlation with the other methods&apos; maps</source>
        <translation>Mittlere Rangkorrelation mit den Karten der anderen Methoden</translation>
    </message>
    <message>
        <source>Share of the map in the waves that carry the label, against chance (synthetic cases only)</source>
        <translation>Anteil der Karte in den Wellen, die das Label tragen, gegenüber Zufall (nur synthetische Fälle)</translation>
    </message>
    <message>
        <source>Ground truth: %1 (synthetic case; localisation is measured)</source>
        <translation>Ground Truth: %1 (synthetischer Fall; Lokalisation wird gemessen)</translation>
    </message>
    <message>
        <source>No ground truth for this case: localisation is not measured.</source>
        <translation>Keine Ground Truth für diesen Fall: Lokalisation wird nicht gemessen.</translation>
    </message>
    <message>
        <source>no map yet</source>
        <translation>noch keine Karte</translation>
    </message>
    <message>
        <source>assessing … %1 %</source>
        <translation>wird bewertet … %1 %</translation>
    </message>
    <message>
        <source>could not be assessed: %1</source>
        <translation>konnte nicht bewertet werden: %1</translation>
    </message>
    <message>
        <source>assessment cancelled</source>
        <translation>Bewertung abgebrochen</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in Warteschlange</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>gain %1</source>
        <translation>Gewinn %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>NICHT BESTANDEN</translation>
    </message>
    <message>
        <source>%1 % (chance %2 %)</source>
        <translation>%1 % (Zufall %2 %)</translation>
    </message>
    <message>
        <source>⚠ do not trust: %1</source>
        <translation>⚠ nicht vertrauenswürdig: %1</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>no warnings</source>
        <translation>keine Warnungen</translation>
    </message>
</context>
<context>
    <name>execg::RecordingView</name>
    <message>
        <source>Open an ECG recording (File ▸ Open, or drop a file here).</source>
        <translation>Öffnen Sie eine EKG-Aufzeichnung (Datei ▸ Öffnen, oder ziehen Sie eine Datei hierher).</translation>
    </message>
    <message>
        <source>%1 mm/s · %2 mm/mV · from %3 s</source>
        <translation>%1 mm/s · %2 mm/mV · ab %3 s</translation>
    </message>
</context>
<context>
    <name>execg::ReportPages</name>
    <message>
        <source>ExECG Studio report</source>
        <translation>ExECG Studio – Bericht</translation>
    </message>
    <message>
        <source>Demo model trained on synthetic ECGs — not for clinical use</source>
        <translation>Demomodell, trainiert mit synthetischen EKGs — nicht für den klinischen Einsatz</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, Version %2</translation>
    </message>
    <message>
        <source>Intended use: %1</source>
        <translation>Zweckbestimmung: %1</translation>
    </message>
    <message>
        <source>Limitations: %1</source>
        <translation>Einschränkungen: %1</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Explained output: %1</source>
        <translation>Erklärte Ausgabe: %1</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>Explanations</source>
        <translation>Erklärungen</translation>
    </message>
    <message>
        <source>no evidence</source>
        <translation>keine Evidenz</translation>
    </message>
    <message>
        <source>Comparison: lead %1, %2</source>
        <translation>Vergleich: Ableitung %1, %2</translation>
    </message>
    <message>
        <source>The lead where the methods together put most of their evidence; every method on the same time axis, %1 mm/s, %2 mm/mV.</source>
        <translation>Die Ableitung, in der die Methoden zusammen die meiste Evidenz sehen; alle Methoden auf derselben Zeitachse, %1 mm/s, %2 mm/mV.</translation>
    </message>
    <message>
        <source>Explanation quality</source>
        <translation>Qualität der Erklärungen</translation>
    </message>
    <message>
        <source>How far to trust each map: deletion gain (removing what the map ranks highest changes the output sooner than removing random segments: &gt; 0.1 faithful), the model-randomisation sanity check, stability under 10 µV noise and 0.05 mV baseline drift (relative change; &lt; 0.1 stable), mean rank agreement with the other methods, and where the recording is synthetic the share of evidence in the waves that carry the label.</source>
        <translation>Wie weit jeder Karte zu trauen ist: Deletion-Gewinn (das Entfernen der von der Karte am höchsten gewichteten Abschnitte ändert die Ausgabe früher als das Entfernen zufälliger Abschnitte: &gt; 0,1 treu), der Plausibilitätstest durch Modellrandomisierung, die Stabilität bei 10 µV Rauschen und 0,05 mV Grundliniendrift (relative Änderung; &lt; 0,1 stabil), die mittlere Rangübereinstimmung mit den anderen Methoden und bei synthetischen Aufzeichnungen der Anteil der Evidenz in den Wellen, die das Label tragen.</translation>
    </message>
    <message>
        <source>method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>faithfulness</source>
        <translation>Treue</translation>
    </message>
    <message>
        <source>sanity</source>
        <translation>Plausibilität</translation>
    </message>
    <message>
        <source>stability</source>
        <translation>Stabilität</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>localisation</source>
        <translation>Lokalisation</translation>
    </message>
    <message>
        <source>no ground truth</source>
        <translation>keine Ground Truth</translation>
    </message>
    <message>
        <source>Reproducibility</source>
        <translation>Reproduzierbarkeit</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingaben</translation>
    </message>
    <message>
        <source>model file</source>
        <translation>Modelldatei</translation>
    </message>
    <message>
        <source>model SHA-256</source>
        <translation>Modell-SHA-256</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>Aufzeichnung</translation>
    </message>
    <message>
        <source>recording SHA-256</source>
        <translation>Aufzeichnungs-SHA-256</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>Vorverarbeitung</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Methoden</translation>
    </message>
    <message>
        <source>%1 · %2 ms · %3</source>
        <translation>%1 · %2 ms · %3</translation>
    </message>
    <message>
        <source> · seed %1</source>
        <translation> · Seed %1</translation>
    </message>
    <message>
        <source>one colour scale for every method</source>
        <translation>eine Farbskala für alle Methoden</translation>
    </message>
    <message>
        <source>one fixed colour scale</source>
        <translation>eine feste Farbskala</translation>
    </message>
    <message>
        <source>each method on its own colour scale</source>
        <translation>jede Methode mit eigener Farbskala</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Demo model — not for clinical use</source>
        <translation>Demomodell — nicht für den klinischen Einsatz</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>NICHT BESTANDEN</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit-Trail</translation>
    </message>
    <message>
        <source>This analysis is not in the audit log: %1</source>
        <translation>Diese Analyse steht nicht im Prüfprotokoll: %1</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>aufgezeichnet</translation>
    </message>
    <message>
        <source>%1 UTC by %2 on %3</source>
        <translation>%1 UTC von %2 auf %3</translation>
    </message>
    <message>
        <source>entry hash</source>
        <translation>Eintrags-Hash</translation>
    </message>
    <message>
        <source>results SHA-256</source>
        <translation>SHA-256 der Ergebnisse</translation>
    </message>
    <message>
        <source>execg-cli audit verify --log %1 checks that this entry and every one before it are unchanged.</source>
        <translation>execg-cli audit verify --log %1 prüft, dass dieser Eintrag und alle vor ihm unverändert sind.</translation>
    </message>
    <message>
        <source>Under the recording&apos;s own variation (%1 draws): %2</source>
        <translation>Unter der eigenen Variation der Aufzeichnung (%1 Ziehungen): %2</translation>
    </message>
    <message>
        <source>decision threshold %1 %2 (model card); 90 % interval of the %3</source>
        <translation>Entscheidungsschwelle %1 %2 (Modellkarte); 90-%-Intervall von %3</translation>
    </message>
    <message>
        <source>%1: %2–%3 (%4)</source>
        <translation>%1: %2–%3 (%4)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>execg::TcavView</name>
    <message>
        <source>Peaked T</source>
        <translation>Zeltförmige T-Welle</translation>
    </message>
    <message>
        <source>Inverted T</source>
        <translation>Negative T-Welle</translation>
    </message>
    <message>
        <source>Flat T</source>
        <translation>Abgeflachte T-Welle</translation>
    </message>
    <message>
        <source>Wide QRS</source>
        <translation>Breiter QRS-Komplex</translation>
    </message>
    <message>
        <source>Prolonged PR</source>
        <translation>Verlängertes PR-Intervall</translation>
    </message>
    <message>
        <source>Atrial fibrillation</source>
        <translation>Vorhofflimmern</translation>
    </message>
    <message>
        <source>ST elevation</source>
        <translation>ST-Hebung</translation>
    </message>
    <message>
        <source>Low QRS voltage</source>
        <translation>QRS-Niedervoltage</translation>
    </message>
    <message>
        <source>Sinus tachycardia</source>
        <translation>Sinustachykardie</translation>
    </message>
    <message>
        <source>Sinus bradycardia</source>
        <translation>Sinusbradykardie</translation>
    </message>
    <message>
        <source>Long QT</source>
        <translation>QT-Verlängerung</translation>
    </message>
    <message>
        <source>Random (control)</source>
        <translation>Zufall (Kontrolle)</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>Konzepte</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Add label column…</source>
        <translation>Label-Spalte hinzufügen…</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>CAVs per concept and layer, each against its own random set; 20 or more for a clear test</source>
        <translation>CAVs je Konzept und Schicht, jeweils gegen ein eigenes Zufallsset; 20 oder mehr für einen aussagekräftigen Test</translation>
    </message>
    <message>
        <source>ECGs per built-in set; the random pool holds three times as many</source>
        <translation>EKGs je integriertem Set; der Zufallspool enthält dreimal so viele</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <source>ECGs per set</source>
        <translation>EKGs je Set</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Inputs: ordinary synthetic patients</source>
        <translation>Eingaben: gewöhnliche synthetische Patienten</translation>
    </message>
    <message>
        <source>Inputs from a folder…</source>
        <translation>Eingaben aus einem Ordner…</translation>
    </message>
    <message>
        <source>Test the concepts</source>
        <translation>Konzepte testen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>TCAV score (share of inputs whose output rises along the concept)</source>
        <translation>TCAV-Score (Anteil der Eingaben, deren Ausgabe entlang des Konzepts steigt)</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>Konzept</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>95 % CI</source>
        <translation>95-%-KI</translation>
    </message>
    <message>
        <source>Random CAVs</source>
        <translation>Zufalls-CAVs</translation>
    </message>
    <message>
        <source>p</source>
        <translation>p</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <source>CAV accuracy</source>
        <translation>CAV-Genauigkeit</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Inputs: a folder of ECGs</source>
        <translation>Eingaben: ein Ordner mit EKGs</translation>
    </message>
    <message>
        <source>Inputs: %1</source>
        <translation>Eingaben: %1</translation>
    </message>
    <message>
        <source>A concept: a folder of ECGs that show it</source>
        <translation>Ein Konzept: ein Ordner mit EKGs, die es zeigen</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Ordner: %1</translation>
    </message>
    <message>
        <source>A label table (file name, then 0/1 concept columns)</source>
        <translation>Eine Label-Tabelle (Dateiname, dann 0/1-Konzeptspalten)</translation>
    </message>
    <message>
        <source>Label tables (*.csv)</source>
        <translation>Label-Tabellen (*.csv)</translation>
    </message>
    <message>
        <source>Concept column</source>
        <translation>Konzeptspalte</translation>
    </message>
    <message>
        <source>Column whose 1s are the concept:</source>
        <translation>Spalte, deren Einsen das Konzept markieren:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Testing the concepts …</source>
        <translation>Konzepte werden getestet …</translation>
    </message>
    <message>
        <source>Choose concepts and layers, then test them.</source>
        <translation>Wählen Sie Konzepte und Schichten aus und testen Sie sie dann.</translation>
    </message>
    <message>
        <source>No concept test: %1</source>
        <translation>Kein Konzepttest: %1</translation>
    </message>
    <message>
        <source>random CAVs (mean)</source>
        <translation>Zufalls-CAVs (Mittelwert)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 inputs, %2 runs, seed %3, target %4. Significant after Holm&apos;s correction: %5. Activations computed for %6 sets, %7 from the cache; %8 s.</source>
        <translation>%1 Eingaben, %2 Durchläufe, Seed %3, Ziel %4. Signifikant nach Holm-Korrektur: %5. Aktivierungen für %6 Sets berechnet, %7 aus dem Cache; %8 s.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Random ECGs from a folder…</source>
        <translation>Zufalls-EKGs aus einem Ordner…</translation>
    </message>
    <message>
        <source>Ordinary ECGs to draw the random sets from. A concept read from files needs random ECGs read from files: against generated ones a CAV can tell them apart by origin alone</source>
        <translation>Gewöhnliche EKGs, aus denen die Zufallssets gezogen werden. Ein aus Dateien gelesenes Konzept braucht aus Dateien gelesene Zufalls-EKGs: gegen generierte kann ein CAV sie allein an ihrer Herkunft unterscheiden</translation>
    </message>
    <message>
        <source>Random ECGs: a folder of ordinary ECGs</source>
        <translation>Zufalls-EKGs: ein Ordner mit gewöhnlichen EKGs</translation>
    </message>
    <message>
        <source>Random ECGs: ordinary synthetic patients</source>
        <translation>Zufalls-EKGs: gewöhnliche synthetische Patienten</translation>
    </message>
    <message>
        <source>Random ECGs: %1</source>
        <translation>Zufalls-EKGs: %1</translation>
    </message>
    <message>
        <source>Irregular RR (P waves kept)</source>
        <translation>Unregelmäßige RR-Abstände (P-Wellen erhalten)</translation>
    </message>
    <message>
        <source>No P wave (regular rhythm)</source>
        <translation>Keine P-Welle (regelmäßiger Rhythmus)</translation>
    </message>
    <message>
        <source>%1 — the application&apos;s concepts are ticked instead</source>
        <translation>%1 — stattdessen sind die Konzepte der Anwendung angehakt</translation>
    </message>
    <message>
        <source>unreliable CAV (near chance, or mixed origins)</source>
        <translation>unzuverlässiger CAV (nahe Zufall oder gemischte Herkunft)</translation>
    </message>
</context>
<context>
    <name>execg::TeachingControls</name>
    <message>
        <source>Teaching</source>
        <translation>Lehre</translation>
    </message>
    <message>
        <source>&amp;Blind mode: hide the model&apos;s answer</source>
        <translation>&amp;Blindmodus: Antwort des Modells ausblenden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>Each case opens with the prediction and the explanations hidden until you reveal them</source>
        <translation>Jeder Fall öffnet mit ausgeblendeter Vorhersage und ausgeblendeten Erklärungen, bis Sie sie aufdecken</translation>
    </message>
    <message>
        <source>&amp;Quiz: learners mark the leads first</source>
        <translation>&amp;Quiz: Lernende markieren zuerst die Ableitungen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Answer hidden; mark the stretches of the leads you think drive the diagnosis, then reveal the model&apos;s map and the overlap score</source>
        <translation>Antwort ausgeblendet; markieren Sie die Abschnitte der Ableitungen, die Ihrer Meinung nach die Diagnose bestimmen, und decken Sie dann die Karte des Modells und den Überlappungswert auf</translation>
    </message>
    <message>
        <source>&amp;Reveal the answer</source>
        <translation>Antwort auf&amp;decken</translation>
    </message>
    <message>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <source>&amp;Hide the answer again</source>
        <translation>Antwort wieder &amp;verbergen</translation>
    </message>
    <message>
        <source>Shift+F6</source>
        <translation>Shift+F6</translation>
    </message>
    <message>
        <source>&amp;Navigate and measure</source>
        <translation>&amp;Navigieren und messen</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>&amp;Mark leads (drag along a lead)</source>
        <translation>Ableitungen &amp;markieren (entlang einer Ableitung ziehen)</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>&amp;Pen</source>
        <translation>&amp;Stift</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>P&amp;ointer</source>
        <translation>&amp;Zeiger</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>&amp;Undo the last stroke</source>
        <translation>Letzten Strich &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Clear the &amp;marks</source>
        <translation>Mar&amp;kierungen löschen</translation>
    </message>
    <message>
        <source>Clear the &amp;drawings</source>
        <translation>Zeic&amp;hnungen löschen</translation>
    </message>
    <message>
        <source>&amp;Presenter view</source>
        <translation>&amp;Präsentationsansicht</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Open a teaching session…</source>
        <translation>Lehrsitzung &amp;öffnen…</translation>
    </message>
    <message>
        <source>&amp;Save the teaching session…</source>
        <translation>Lehrsitzung spe&amp;ichern…</translation>
    </message>
    <message>
        <source>&amp;Export a teaching bundle…</source>
        <translation>Lehrpaket &amp;exportieren…</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>Blind</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Aufdecken</translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation>Navigieren</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Stift</translation>
    </message>
    <message>
        <source>Pointer</source>
        <translation>Zeiger</translation>
    </message>
    <message>
        <source>Quiz: choose a map for the chart to score the marks against</source>
        <translation>Quiz: Wählen Sie eine Karte für das EKG, an der die Markierungen bewertet werden</translation>
    </message>
    <message>
        <source>Quiz: overlap score %1 / 100 · your marks hold %2 % of the evidence (%3) on %4 % of the ECG</source>
        <translation>Quiz: Überlappungswert %1 / 100 · Ihre Markierungen enthalten %2 % der Evidenz (%3) auf %4 % des EKGs</translation>
    </message>
    <message>
        <source>Overlap score: the Dice overlap between your marks and the fewest samples that hold half of the model&apos;s evidence (100: the same samples). Marks placed at random would hold about as much evidence as the share of the ECG they cover.</source>
        <translation>Überlappungswert: die Dice-Überlappung zwischen Ihren Markierungen und der kleinsten Menge an Abtastwerten, die die Hälfte der Evidenz des Modells enthält (100: dieselben Abtastwerte). Zufällig gesetzte Markierungen enthielten etwa so viel Evidenz, wie es dem Anteil des EKGs entspricht, den sie abdecken.</translation>
    </message>
    <message>
        <source>Could not save the session
%1</source>
        <translation>Die Sitzung konnte nicht gespeichert werden
%1</translation>
    </message>
    <message>
        <source>Saved the session %1</source>
        <translation>Sitzung %1 gespeichert</translation>
    </message>
    <message>
        <source>Could not open the session
%1</source>
        <translation>Die Sitzung konnte nicht geöffnet werden
%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s) of this session are missing and were left out:
%2</source>
        <translation>
            <numerusform>%1: %n Datei dieser Sitzung fehlt und wurde ausgelassen:
%2</numerusform>
            <numerusform>%1: %n Dateien dieser Sitzung fehlen und wurden ausgelassen:
%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the teaching bundle %1</source>
        <translation>Lehrpaket %1 wird geschrieben</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>Could not export the teaching bundle
%1</source>
        <translation>Das Lehrpaket konnte nicht exportiert werden
%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the teaching bundle %1 (%n case(s))</source>
        <translation>
            <numerusform>Lehrpaket %1 geschrieben (%n Fall)</numerusform>
            <numerusform>Lehrpaket %1 geschrieben (%n Fälle)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a teaching session</source>
        <translation>Lehrsitzung öffnen</translation>
    </message>
    <message>
        <source>ExECG Studio sessions (*.execg)</source>
        <translation>ExECG-Studio-Sitzungen (*.execg)</translation>
    </message>
    <message>
        <source>Save the teaching session</source>
        <translation>Lehrsitzung speichern</translation>
    </message>
    <message>
        <source>DICOM 12-lead ECGs (*)</source>
        <translation>DICOM-12-Kanal-EKGs (*)</translation>
    </message>
    <message>
        <source>Export a teaching bundle (a new folder)</source>
        <translation>Lehrpaket exportieren (ein neuer Ordner)</translation>
    </message>
    <message>
        <source>WFDB records (*)</source>
        <translation>WFDB-Datensätze (*)</translation>
    </message>
</context>
<context>
    <name>execg::Workbench</name>
    <message>
        <source>%1: no readable ECG files (DICOM, WFDB header, NumPy)</source>
        <translation>%1: keine lesbaren EKG-Dateien (DICOM, WFDB-Header, NumPy)</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>%1: has no signal groups</source>
        <translation>%1: enthält keine Signalgruppen</translation>
    </message>
    <message>
        <source>%1–%2 Hz</source>
        <translation>%1–%2 Hz</translation>
    </message>
    <message>
        <source>notch %1 Hz</source>
        <translation>Notch-Filter %1 Hz</translation>
    </message>
    <message>
        <source>display filter %1</source>
        <translation>Anzeigefilter %1</translation>
    </message>
    <message>
        <source>Measuring</source>
        <translation>Messung</translation>
    </message>
    <message>
        <source>The measurements could not be made: %1</source>
        <translation>Die Messungen konnten nicht durchgeführt werden: %1</translation>
    </message>
    <message>
        <source>Loading model %1</source>
        <translation>Modell %1 wird geladen</translation>
    </message>
    <message>
        <source>%1: loading was cancelled</source>
        <translation>%1: Laden wurde abgebrochen</translation>
    </message>
    <message>
        <source>Predicting</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 für %2</translation>
    </message>
    <message>
        <source>Quality of %1</source>
        <translation>Qualität von %1</translation>
    </message>
    <message>
        <source>Agreement between the methods</source>
        <translation>Übereinstimmung zwischen den Methoden</translation>
    </message>
    <message>
        <source>no model is loaded</source>
        <translation>kein Modell geladen</translation>
    </message>
    <message>
        <source>Open a case and let the model predict first.</source>
        <translation>Öffnen Sie zuerst einen Fall und lassen Sie das Modell eine Vorhersage treffen.</translation>
    </message>
    <message>
        <source>Counterfactual towards %1</source>
        <translation>Kontrafaktisches EKG in Richtung %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: there is no counterfactual to export</source>
        <translation>%1: Es gibt kein kontrafaktisches EKG zum Exportieren</translation>
    </message>
    <message>
        <source>%1: that is the recording itself; a counterfactual is never written over its input</source>
        <translation>%1: Das ist die Aufzeichnung selbst; ein kontrafaktisches EKG überschreibt nie seine Eingabe</translation>
    </message>
    <message>
        <source>%1: nothing to report yet — open a case and let the model predict</source>
        <translation>%1: noch nichts zu berichten — öffnen Sie einen Fall und lassen Sie das Modell eine Vorhersage treffen</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 wird geschrieben</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>Fall %1</translation>
    </message>
    <message>
        <source>%1: nothing to export yet — open a case and let the model predict</source>
        <translation>%1: noch nichts zu exportieren — öffnen Sie einen Fall und lassen Sie das Modell eine Vorhersage treffen</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1: %2 %</translation>
    </message>
    <message>
        <source>A synthetic recording: the potassium demo model, trained on synthetic ECGs for teaching, is used. Choose another model in the model panel.</source>
        <translation>Eine synthetische Aufzeichnung: Das Kalium-Demomodell, für die Lehre mit synthetischen EKGs trainiert, wird verwendet. Ein anderes Modell lässt sich im Modellbereich wählen.</translation>
    </message>
    <message>
        <source>A real recording: the AF model trained on real ECGs (PhysioNet/CinC 2017) is used; the synthetic demo models remain for teaching. Choose another model in the model panel.</source>
        <translation>Eine echte Aufzeichnung: Das mit echten EKGs (PhysioNet/CinC 2017) trainierte VHF-Modell wird verwendet; die synthetischen Demomodelle bleiben für die Lehre. Ein anderes Modell lässt sich im Modellbereich wählen.</translation>
    </message>
    <message>
        <source>the audit log is switched off (Analysis &gt; Record analyses in the audit log)</source>
        <translation>das Prüfprotokoll ist ausgeschaltet (Analyse &gt; Analysen im Prüfprotokoll festhalten)</translation>
    </message>
    <message>
        <source>its methods had not all finished when the report was written</source>
        <translation>ihre Methoden waren beim Schreiben des Berichts nicht alle fertig</translation>
    </message>
    <message>
        <source>Checking the prediction&apos;s stability</source>
        <translation>Stabilität der Vorhersage wird geprüft</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explainable-AI review workstation for ECGs</source>
        <translation>Explainable-AI-Prüfarbeitsplatz für EKGs</translation>
    </message>
    <message>
        <source>Open the bundled demo case with the demo model</source>
        <translation>Den mitgelieferten Demofall mit dem Demomodell öffnen</translation>
    </message>
    <message>
        <source>Threads for the model (default: every core but one)</source>
        <translation>Threads für das Modell (Standard: alle Kerne außer einem)</translation>
    </message>
    <message>
        <source>The view to show first: chart, compare, evidence, measurements, counterfactual, tcav or leads</source>
        <translation>Die zuerst gezeigte Ansicht: chart, compare, evidence, measurements, counterfactual, tcav oder leads</translation>
    </message>
    <message>
        <source>Start with the window maximised</source>
        <translation>Mit maximiertem Fenster starten</translation>
    </message>
    <message>
        <source>ECG recordings or folders to open, or cohort stores (.sqlite)</source>
        <translation>Zu öffnende EKG-Aufzeichnungen oder Ordner, oder Kohortenspeicher (.sqlite)</translation>
    </message>
</context>
</TS>
