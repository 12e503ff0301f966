// Settings: what an empty store gives (a first start), every key through the store and back as the file holds it,
// and the keys an older version wrote under other names moved to today's, once.
#include "workbench/Settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace execg;

// ChartLayoutKind and ColourMapKind are compared as numbers: their own toString() (names for files and the command
// line) hides Qt Test's printing of enumerations.

class TestSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        // Stores in a temporary folder only: the user's own settings are never read or written.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.path());
        QCoreApplication::setOrganizationName(QStringLiteral("ExECG-tests"));
    }

    void defaultsOnAnEmptyStore()
    {
        useStore(QStringLiteral("empty"));
        const Settings s;
        QVERIFY(s.value(setting::windowGeometry).isEmpty());
        QVERIFY(s.value(setting::windowState).isEmpty());
        QCOMPARE(s.value(setting::language), QString());
        QCOMPARE(s.value(setting::theme), QStringLiteral("light"));
        QVERIFY(s.value(setting::recentFiles).isEmpty());
        QCOMPARE(s.value(setting::modelPath), QString());
        QVERIFY(s.value(setting::methods).isEmpty());
        QCOMPARE(s.value(setting::deidentify), false);
        // The tool bar's defaults as they always were.
        const DisplaySettings d = DisplaySettings::load();
        QCOMPARE(int(d.chart.layout), int(ChartLayoutKind::ThreeByFourPlusOne));
        QCOMPARE(d.chart.speedMmPerSecond, 25.0);
        QCOMPARE(d.chart.gainMmPerMillivolt, 10.0);
        QCOMPARE(d.chart.grid, GridStyle::ClinicalRed);
        QCOMPARE(d.overlay, OverlayMode::Band);
        QCOMPARE(int(d.colours), int(ColourMapKind::Diverging));
        QCOMPARE(d.filter, QString());
        QCOMPARE(d.mainsHz, 0.0);
        // A new store starts at today's version: there is nothing for a later start to move.
        QCOMPARE(QSettings().value(QLatin1String(Settings::kVersionKey)).toInt(), Settings::kVersion);
    }

    void everyKeyRoundTrips()
    {
        useStore(QStringLiteral("written"));
        const QByteArray geometry("\x01\xd9\xd0\xcb\x00\x03\n,=", 9);   // binary, with a NUL, a newline, ',' and '='
        const QByteArray state("\x00\x00\x00\xff", 4);
        const QStringList recent{QStringLiteral("/data/ecg, 2024/Müller.xml"), QStringLiteral("/data/a=b.hea")};
        const QStringList methods{QStringLiteral("integrated-gradients")};   // one name: INI keeps it as a string
        DisplaySettings display;
        display.chart.layout = ChartLayoutKind::SixByTwo;
        display.chart.speedMmPerSecond = 12.5;
        display.chart.gainMmPerMillivolt = 5.0;
        display.chart.grid = GridStyle::None;
        display.overlay = OverlayMode::Strip;
        display.colours = ColourMapKind::Viridis;
        display.filter = QStringLiteral("monitoring");
        display.mainsHz = 60.0;
        {
            Settings s;
            s.setValue(setting::windowGeometry, geometry);
            s.setValue(setting::windowState, state);
            s.setValue(setting::language, QStringLiteral("ko"));
            s.setValue(setting::theme, QStringLiteral("dark"));
            s.setValue(setting::recentFiles, recent);
            s.setValue(setting::modelPath, QStringLiteral("/models/my model.pt"));
            s.setValue(setting::methods, methods);
            s.setValue(setting::deidentify, true);
            display.save();
        }
        // Read from a copy of the file, which this process has not cached: every value comes back from its text,
        // as at the next start.
        const QString written = QSettings().fileName();
        useStore(QStringLiteral("copied"));
        QVERIFY(QFile::copy(written, storeFile()));
        const Settings s;
        QCOMPARE(s.value(setting::windowGeometry), geometry);
        QCOMPARE(s.value(setting::windowState), state);
        QCOMPARE(s.value(setting::language), QStringLiteral("ko"));
        QCOMPARE(s.value(setting::theme), QStringLiteral("dark"));
        QCOMPARE(s.value(setting::recentFiles), recent);
        QCOMPARE(s.value(setting::modelPath), QStringLiteral("/models/my model.pt"));
        QCOMPARE(s.value(setting::methods), methods);
        QCOMPARE(s.value(setting::deidentify), true);
        const DisplaySettings d = DisplaySettings::load();
        QCOMPARE(int(d.chart.layout), int(display.chart.layout));
        QCOMPARE(d.chart.speedMmPerSecond, display.chart.speedMmPerSecond);
        QCOMPARE(d.chart.gainMmPerMillivolt, display.chart.gainMmPerMillivolt);
        QCOMPARE(d.chart.grid, display.chart.grid);
        QCOMPARE(d.overlay, display.overlay);
        QCOMPARE(int(d.colours), int(display.colours));
        QCOMPARE(d.filter, display.filter);
        QCOMPARE(d.mainsHz, display.mainsHz);
    }

    // A store as the versions before "settings/version" left it on disk, keys under their old names.
    void olderKeysMoveOnce()
    {
        useStore(QStringLiteral("version1"));
        QFile file(storeFile());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[General]\nlanguage=de\n\n"
                   "[display]\ntheme=dark\ngain=20\nlayout=3\n\n"
                   "[files]\nrecent=/data/a.xml, /data/b.dcm\n\n"
                   "[methods]\nchosen=saliency, occlusion\n\n"
                   "[teaching]\ndeidentify=true\n");
        file.close();

        const Settings s;
        QCOMPARE(s.value(setting::language), QStringLiteral("de"));
        QCOMPARE(s.value(setting::theme), QStringLiteral("dark"));
        QCOMPARE(s.value(setting::methods), (QStringList{QStringLiteral("saliency"), QStringLiteral("occlusion")}));
        // Keys that kept their names read as before.
        QCOMPARE(s.value(setting::recentFiles), (QStringList{QStringLiteral("/data/a.xml"), QStringLiteral("/data/b.dcm")}));
        QCOMPARE(s.value(setting::deidentify), true);
        QCOMPARE(DisplaySettings::load().chart.gainMmPerMillivolt, 20.0);
        QCOMPARE(int(DisplaySettings::load().chart.layout), int(ChartLayoutKind::SixByTwo));

        QSettings store;
        for (const char* old : {"language", "display/theme", "methods/chosen"})
            QVERIFY2(!store.contains(QLatin1String(old)), old);
        QCOMPARE(store.value(QLatin1String(Settings::kVersionKey)).toInt(), Settings::kVersion);

        // An older build started again writes its old key; the migrated store does not take it over the newer value.
        store.setValue(QStringLiteral("language"), QStringLiteral("ko"));
        QCOMPARE(Settings().value(setting::language), QStringLiteral("de"));
        QCOMPARE(store.value(QStringLiteral("language")).toString(), QStringLiteral("ko"));
    }

private:
    // Each test its own store (a file of its own): none inherits another's keys or this process's cache of them.
    static void useStore(const QString& name) { QCoreApplication::setApplicationName(QStringLiteral("test_settings-") + name); }

    // The file of the store in use, its folder made: a test may write it before QSettings has.
    static QString storeFile()
    {
        const QString path = QSettings().fileName();
        QDir().mkpath(QFileInfo(path).absolutePath());
        return path;
    }

    QTemporaryDir dir_;
};

QTEST_GUILESS_MAIN(TestSettings)
#include "test_settings.moc"
