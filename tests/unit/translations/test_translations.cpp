// The German and Korean translations: complete (no unfinished, obsolete or empty entry), current (the sources hold
// no string the .ts files lack — lupdate is run afresh on ui/ and app/studio/), faithful in form (the same
// placeholders, one accelerator where the source has one), and compiled into .qm files that translate.
#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Entry {
    QString context, source, type;
    QStringList translations;   // one, or the numerus forms
};

QList<Entry> readTs(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&f);
    QList<Entry> out;
    QString context;
    Entry e;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                e = Entry{context, {}, {}, {}};
            else if (xml.name() == QLatin1String("source"))
                e.source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation")) {
                e.type = xml.attributes().value(QLatin1String("type")).toString();
                bool numerus = false;
                QString text;
                while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                        numerus = true;
                        e.translations << xml.readElementText();
                    } else if (xml.isCharacters() && !numerus) {
                        text += xml.text();
                    }
                }
                if (!numerus)
                    e.translations << text;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out << e;
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return out;
}

QStringList placeholders(const QString& s)
{
    QStringList out;
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    for (auto it = re.globalMatch(s); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    return out;
}

int accelerators(const QString& s)
{
    QString t = s;
    t.replace(QStringLiteral("&&"), QString());
    return int(t.count(QLatin1Char('&')));
}

QString tsPath(const QString& lang) { return QStringLiteral(EXECG_SOURCE_DIR "/translations/execg_%1.ts").arg(lang); }

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void everyEntryIsFinished_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("de") << "de";
        QTest::newRow("ko") << "ko";
    }
    void everyEntryIsFinished()
    {
        QFETCH(QString, lang);
        const auto entries = readTs(tsPath(lang));
        QVERIFY(entries.size() > 300);
        for (const auto& e : entries) {
            const QString where = e.context + QStringLiteral(": ") + e.source;
            QVERIFY2(e.type.isEmpty(), qPrintable(QStringLiteral("%1 (%2)").arg(where, e.type)));
            for (const auto& t : e.translations) {
                QVERIFY2(!t.trimmed().isEmpty(), qPrintable(where));
                QVERIFY2(placeholders(t) == placeholders(e.source), qPrintable(where + QStringLiteral(" → ") + t));
                if (accelerators(e.source) == 1)
                    QVERIFY2(accelerators(t) == 1, qPrintable(where + QStringLiteral(" → ") + t));
            }
        }
    }

    // The .ts files hold exactly what the sources ask for: lupdate, run now, finds nothing new and nothing gone.
    void translationsAreCurrent()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(EXECG_SOURCE_DIR));
        lupdate.start(QStringLiteral(EXECG_LUPDATE), {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                                                      QStringLiteral("ui"), QStringLiteral("app/studio"), QStringLiteral("-ts"), fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QSet<QString> wanted;
        for (const auto& e : readTs(fresh))
            wanted << e.context + QLatin1Char('\x1f') + e.source;
        for (const QString& lang : {QStringLiteral("de"), QStringLiteral("ko")}) {
            QSet<QString> have;
            for (const auto& e : readTs(tsPath(lang)))
                have << e.context + QLatin1Char('\x1f') + e.source;
            const auto missing = wanted - have, stale = have - wanted;
            QVERIFY2(missing.isEmpty(), qPrintable(lang + QStringLiteral(": not in the .ts (run translations/update.sh): ") +
                                                   QStringList(missing.values()).join(QStringLiteral(" | ")).replace(QLatin1Char('\x1f'), QLatin1Char('/'))));
            QVERIFY2(stale.isEmpty(), qPrintable(lang + QStringLiteral(": no longer in the sources: ") +
                                                 QStringList(stale.values()).join(QStringLiteral(" | ")).replace(QLatin1Char('\x1f'), QLatin1Char('/'))));
        }
    }

    void compiledTranslationsTranslate()
    {
        QTranslator de, ko;
        QVERIFY(de.load(QStringLiteral(EXECG_QM_DIR "/execg_de.qm")));
        QVERIFY(ko.load(QStringLiteral(EXECG_QM_DIR "/execg_ko.qm")));
        for (QTranslator* t : {&de, &ko}) {
            const QString chart = t->translate("execg::MainWindow", "&Chart");
            QVERIFY(!chart.isEmpty() && chart != QStringLiteral("&Chart"));
            QVERIFY(!t->translate("execg::TcavView", "Peaked T").isEmpty());
        }
        QVERIFY(ko.translate("execg::MainWindow", "&Chart").contains(QRegularExpression(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
