// The shipped real-data AF model (issue 28) scored again, through the path every front end uses — the adapter's
// windows over the whole recording, the model, the card's mean of logits — on its validation split of the
// PhysioNet/CinC 2017 recordings (../shared/cinc2017; skipped without it): the challenge score (mean F1 of normal,
// AF and other rhythm) and AF's F1 equal what training reported in the card, and stay above a floor under which a
// change to the inference path (windows, normalisation, the lead) would have broken the model. Of the targets
// (challenge ≥ 0.80, AF F1 ≥ 0.85) the shipped model (2.2) meets the first, 0.838, not the second, AF 0.825: see
// docs/demo-models.md. On the same recordings cut to 10 s (padded to the window) it must stay above a floor that
// version 2.1, trained without short crops, fell below (challenge 0.677).
#include "Corpus.h"
#include "analysis/torch/CaseAnalysis.h"
#include "io/ReaderRegistry.h"
#include "model/torch/TorchModel.h"
#include "model/torch/training/Cinc2017Training.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

using namespace execg;

namespace {

const std::string kModel = std::string(EXECG_SOURCE_DIR) + "/resources/models/af-cinc2017.pt";
const std::string kSplit = std::string(EXECG_SOURCE_DIR) + "/resources/models/af-cinc2017.validation.txt";
QString cincDir() { return test::corpusDir() + "/../cinc2017"; }

// A figure the card's limitations state, e.g. "challenge score (mean F1 of N, A, O) 0.812".
double stated(const std::string& text, const std::string& what)
{
    std::smatch m;
    if (!std::regex_search(text, m, std::regex(what + " ([0-9.]+)")))
        return -1;
    return std::stod(m[1].str());
}

// The validation split's recordings through the path every front end uses, each cut to its first `seconds` (0: whole),
// scored against their labels.
training::Cinc2017Scores scoresOfValidation(const std::shared_ptr<const TorchModel>& model, double seconds)
{
    std::ifstream split(kSplit);
    if (!split)
        throw std::runtime_error(kSplit + ": unreadable");
    std::vector<int> truth;
    std::vector<FittedCase> cases;
    for (std::string line; std::getline(split, line);) {
        if (line.empty() || line[0] == '#')
            continue;
        const auto id = line.substr(0, line.find(','));
        const auto label = line.substr(line.find(',') + 1);
        truth.push_back(int(std::find_if(training::kCincClasses.begin(), training::kCincClasses.end(),
                                         [&](const char* c) { return label == c; }) - training::kCincClasses.begin()));
        const auto path = (cincDir() + "/").toStdString() + id + ".hea";
        auto read = ReaderRegistry::instance().read(path);
        if (seconds > 0)
            for (auto& lead : read.groups.front().leads)
                lead.samples.resize(std::min(lead.samples.size(), std::size_t(std::llround(seconds * read.groups.front().samplingRateHz))));
        const auto recording = std::make_shared<const Recording>(std::move(read));
        cases.push_back(CaseAnalysis(recording, 0, model, {path, kModel, ""}).fit());
    }
    std::vector<const FittedCase*> pointers;
    for (const auto& c : cases)
        pointers.push_back(&c);
    std::vector<int> predicted;
    std::vector<std::array<float, 4>> probabilities;
    for (const auto& r : CaseAnalysis::predictBatch(*model, pointers)) {
        if (!r.prediction.problem.empty())
            throw std::runtime_error(r.prediction.problem);
        std::array<float, 4> p{};
        for (int c = 0; c < 4; ++c)
            p[std::size_t(c)] = float(r.prediction.outputs[std::size_t(c)].value);
        probabilities.push_back(p);
        predicted.push_back(int(std::max_element(p.begin(), p.end()) - p.begin()));
    }
    return training::cinc2017Scores(truth, predicted, probabilities);
}

} // namespace

class AfCinc2017Test : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { configureTorchThreads(2); }

    void validationScores()
    {
        if (!QFile::exists(cincDir() + "/REFERENCE.csv"))
            QSKIP("../shared/cinc2017 is absent: the PhysioNet/CinC 2017 recordings are needed to score the AF model");
        auto model = std::make_shared<const TorchModel>(kModel, loadModelCard(modelCardPathFor(kModel)));
        const auto s = scoresOfValidation(model, 0.0);
        QVERIFY(s.records > 1000);
        qInfo("validation (%d recordings): F1 N %.3f A %.3f O %.3f ~ %.3f, challenge %.3f, AUROC A %.3f", s.records,
              s.f1[0], s.f1[1], s.f1[2], s.f1[3], s.challenge, s.auroc[1]);
        QVERIFY2(s.challenge >= 0.80 && s.f1[1] >= 0.80 && s.auroc[1] >= 0.97,
                 qPrintable(QString("challenge %1, AF F1 %2, AUROC %3").arg(s.challenge).arg(s.f1[1]).arg(s.auroc[1])));
        // What the card states is what the shipped file gives.
        const auto& limitations = model->card().limitations;
        QVERIFY(std::abs(stated(limitations, "challenge score \\(mean F1 of N, A, O\\)") - s.challenge) < 0.0015);
        QVERIFY(std::abs(stated(limitations, "AF") - s.f1[1]) < 0.0015);
        QVERIFY(std::abs(stated(limitations, "AUROC normal") - s.auroc[0]) < 0.0015);
        QVERIFY(std::abs(stated(limitations, ", other") - s.f1[2]) < 0.0015);   // the F1 list comes first
        QVERIFY(std::abs(stated(limitations, "AUROC normal [0-9.]+, AF [0-9.]+, other") - s.auroc[2]) < 0.0015);
        std::string confusion;
        for (std::size_t r = 0; r < 4; ++r)
            confusion += std::string(r ? " /" : "") + " " + std::to_string(s.confusion[r][0]) + " " + std::to_string(s.confusion[r][1]) +
                         " " + std::to_string(s.confusion[r][2]) + " " + std::to_string(s.confusion[r][3]);
        QVERIFY2(limitations.find("columns the prediction)" + confusion + ".") != std::string::npos, confusion.c_str());
        // And its 95 % interval of AF F1 (2,000 resamples of these records from a fixed seed): the same figures.
        std::smatch m;
        QVERIFY2(std::regex_search(limitations, m, std::regex("AF [0-9.]+ \\(([0-9.]+)–([0-9.]+)\\)")), limitations.c_str());
        QVERIFY(std::abs(std::stod(m[1].str()) - s.f1Interval[1].low) < 0.0015);
        QVERIFY(std::abs(std::stod(m[2].str()) - s.f1Interval[1].high) < 0.0015);
        qInfo("AF F1 %.3f, 95 %% interval %.3f-%.3f", s.f1[1], s.f1Interval[1].low, s.f1Interval[1].high);
    }

    // A recording shorter than the model's 15 s window (a 12-lead ECG's 10 s) is padded with zeros: what the card says
    // of the validation recordings cut to their first 10 s is what the application gives on them.
    void firstTenSecondsScores()
    {
        if (!QFile::exists(cincDir() + "/REFERENCE.csv"))
            QSKIP("../shared/cinc2017 is absent: the PhysioNet/CinC 2017 recordings are needed to score the AF model");
        auto model = std::make_shared<const TorchModel>(kModel, loadModelCard(modelCardPathFor(kModel)));
        const auto s = scoresOfValidation(model, 10.0);
        qInfo("first 10 s of each validation recording: F1 N %.3f A %.3f O %.3f ~ %.3f, challenge %.3f", s.f1[0], s.f1[1],
              s.f1[2], s.f1[3], s.challenge);
        const auto& limitations = model->card().limitations;
        std::smatch m;
        QVERIFY2(std::regex_search(limitations, m, std::regex("first 10 s \\(a 12-lead ECG's length\\) F1 normal ([0-9.]+), AF "
                                                              "([0-9.]+), other ([0-9.]+), noisy ([0-9.]+); challenge score ([0-9.]+)")),
                 limitations.c_str());
        for (std::size_t c = 0; c < 4; ++c)
            QVERIFY2(std::abs(std::stod(m[c + 1].str()) - s.f1[c]) < 0.0015, qPrintable(QString::number(s.f1[c])));
        QVERIFY(std::abs(std::stod(m[5].str()) - s.challenge) < 0.0015);
        QVERIFY2(s.challenge >= 0.72 && s.f1[1] >= 0.72,
                 qPrintable(QString("first 10 s: challenge %1, AF F1 %2").arg(s.challenge).arg(s.f1[1])));
    }

    // The shipped card is the one the trainer writes today (execg-train --card-for scores the shipped network again
    // and writes its card beside it): the same bytes, and the network file is not rewritten. A file that is not an
    // af-cinc2017 network is named.
    void shippedCardIsWhatTheTrainerWrites()
    {
        if (!QFile::exists(cincDir() + "/REFERENCE.csv"))
            QSKIP("../shared/cinc2017 is absent: the shipped network is scored on its validation split");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto copy = dir.filePath("af-cinc2017.pt");
        QVERIFY(QFile::copy(QString::fromStdString(kModel), copy));
        training::Cinc2017Options o;
        o.dataDir = cincDir().toStdString();
        o.cardFor = copy.toStdString();
        const auto report = training::rescoreAfCinc2017(o);
        QCOMPARE(report.members, 1);
        QCOMPARE(report.epochs, 0);
        const auto bytes = [](const QString& path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("unreadable " + path.toUtf8());
        };
        QCOMPARE(bytes(copy), bytes(QString::fromStdString(kModel)));
        QCOMPARE(bytes(dir.filePath("af-cinc2017.card.json")), bytes(QString::fromStdString(modelCardPathFor(kModel))));
        QCOMPARE(bytes(dir.filePath("af-cinc2017.validation.txt")), bytes(QString::fromStdString(kSplit)));
        QVERIFY(!QFile::exists(dir.filePath("af-cinc2017.excluded.txt")));

        const auto notANetwork = dir.filePath("notes.pt");
        QFile text(notANetwork);
        QVERIFY(text.open(QIODevice::WriteOnly) && text.write("not a network") > 0);
        text.close();
        o.cardFor = notANetwork.toStdString();
        try {
            training::rescoreAfCinc2017(o);
            QFAIL("a text file was scored as a network");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find(notANetwork.toStdString() + ": not a TorchScript file") == 0, e.what());
        }
    }

    // The split the trainer computes from REFERENCE.csv is, record for record, the committed one the card was scored
    // on (a change to the split would silently validate a retrained model on records it trained on).
    void trainerSplitIsTheCommittedOne()
    {
        if (!QFile::exists(cincDir() + "/REFERENCE.csv"))
            QSKIP("../shared/cinc2017 is absent: the split is computed from its REFERENCE.csv");
        training::Cinc2017Options o;
        o.dataDir = cincDir().toStdString();
        const auto split = training::cinc2017Split(o);
        std::map<std::string, std::string> reference;
        std::ifstream csv((cincDir() + "/REFERENCE.csv").toStdString());
        for (std::string line; std::getline(csv, line);)
            reference[line.substr(0, line.find(','))] = line.substr(line.find(',') + 1, 1);
        std::ifstream file(kSplit);
        std::vector<std::string> committed;
        for (std::string line; std::getline(file, line);)
            if (!line.empty() && line[0] != '#') {
                committed.push_back(line.substr(0, line.find(',')));
                QCOMPARE(line.substr(line.find(',') + 1), reference.at(committed.back()));   // the label beside it too
            }
        QCOMPARE(split.validation.size(), std::size_t(1160));
        QCOMPARE(split.train.size() + split.validation.size(), std::size_t(6822));
        QVERIFY(split.validation == committed);
    }

    // --exclude: a training record is left out, listed beside the card and counted in it; a validation record stays
    // validated and an unknown ID does nothing, each named in the progress; the validation split does not move. An
    // average of members carries a member's list into its own card; without one, a stale list in the folder goes.
    // Two copies of one network score as that network.
    void exclusionsAreNamedAndRecorded()
    {
        if (!QFile::exists(cincDir() + "/REFERENCE.csv"))
            QSKIP("../shared/cinc2017 is absent: a few of its records are trained on");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        training::Cinc2017Options o;
        o.dataDir = cincDir().toStdString();
        o.outputDir = dir.path().toStdString();
        o.limitRecords = 60;
        o.maxEpochs = 1;
        const auto whole = training::cinc2017Split(o);
        QVERIFY(whole.train.size() > 40 && whole.validation.size() >= 8);
        const auto trainId = whole.train[3], validationId = whole.validation[1];
        o.excludeFromTraining = {trainId, validationId, "Z99999"};
        const auto split = training::cinc2017Split(o);
        QVERIFY(split.validation == whole.validation);
        QCOMPARE(split.train.size(), whole.train.size() - 1);
        QVERIFY(std::find(split.train.begin(), split.train.end(), trainId) == split.train.end());
        QVERIFY(split.leftOut == std::vector<std::string>{trainId});
        QVERIFY(split.inValidation == std::vector<std::string>{validationId});
        QVERIFY(split.unknown == std::vector<std::string>{"Z99999"});

        std::string said;
        o.progress = [&](const std::string& line) { said += line + "\n"; };
        const auto report = training::trainAfCinc2017(o);
        QVERIFY2(said.find("--exclude: 1 ID is in the validation split, which never changes; not left out: " + validationId) !=
                     std::string::npos,
                 said.c_str());
        QVERIFY2(said.find("--exclude: 1 ID is not among the records (--limit keeps a subset); ignored: Z99999") != std::string::npos,
                 said.c_str());
        QVERIFY2(said.find("; 1 record left out of training, not read") != std::string::npos, said.c_str());
        QCOMPARE(report.trainRecords, int(split.train.size()));
        QVERIFY(report.leftOutOfTraining == std::vector<std::string>{trainId});
        const auto excludedFile = dir.filePath("af-cinc2017.excluded.txt");
        QFile excluded(excludedFile);
        QVERIFY(excluded.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(excluded.readAll()).endsWith(QString::fromStdString("\n" + trainId + "\n")));
        excluded.close();
        const auto card = loadModelCard(report.cardFile);
        QVERIFY2(card.limitations.find("1 record of the training split was left out of training (listed in af-cinc2017.excluded.txt)") !=
                     std::string::npos,
                 card.limitations.c_str());
        QCOMPARE(card.version, std::string("2.2"));

        training::Cinc2017Options e;
        e.dataDir = o.dataDir;
        e.outputDir = o.outputDir;
        e.limitRecords = o.limitRecords;
        const auto member = dir.filePath("member.pt");
        const auto memberList = dir.filePath("member.excluded.txt");
        QVERIFY(QFile::copy(QString::fromStdString(report.modelFile), member));
        QVERIFY(QFile::copy(excludedFile, memberList));
        e.members = {member.toStdString(), member.toStdString()};
        const auto carried = training::assembleAfCinc2017(e);
        QVERIFY(carried.leftOutOfTraining == std::vector<std::string>{trainId});
        QCOMPARE(carried.trainRecords, int(split.train.size()));
        QVERIFY(excluded.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(excluded.readAll()).endsWith(QString::fromStdString("\n" + trainId + "\n")));
        excluded.close();
        const auto carriedCard = loadModelCard(carried.cardFile);
        QCOMPARE(carriedCard.version, std::string("3.0"));
        QVERIFY2(carriedCard.limitations.find("1 record of the training split was left out of at least one member's training") !=
                     std::string::npos,
                 carriedCard.limitations.c_str());
        // The predictions: after one epoch on 50 records the probabilities are close to one another, so AUROC's ranks
        // would turn on float rounding (test_cinc2017_network compares the logits themselves).
        QCOMPARE(carried.validationRecords, report.validationRecords);
        QVERIFY(carried.validation.confusion == report.validation.confusion);
        // Its card written again (--card-for): an average of two, with the list it carried.
        training::Cinc2017Options r;
        r.dataDir = o.dataDir;
        r.limitRecords = o.limitRecords;
        r.cardFor = carried.modelFile;
        const auto rescored = training::rescoreAfCinc2017(r);
        QCOMPARE(rescored.members, 2);
        QVERIFY(rescored.leftOutOfTraining == std::vector<std::string>{trainId});
        QVERIFY(rescored.validation.confusion == carried.validation.confusion);
        QCOMPARE(loadModelCard(rescored.cardFile).limitations, carriedCard.limitations);

        QVERIFY(QFile::remove(memberList));
        const auto plain = training::assembleAfCinc2017(e);
        QVERIFY2(!QFile::exists(excludedFile), "the average's folder kept a list of exclusions that is not its own");
        QVERIFY(plain.leftOutOfTraining.empty());
        QCOMPARE(plain.trainRecords, int(whole.train.size()));
        QVERIFY(loadModelCard(plain.cardFile).limitations.find("left out") == std::string::npos);
    }

    // The whole-recording stage (--recording-epochs) gives the same network whether it follows the first stage in
    // one run or starts from the first stage's file (--start-from): the same losses and validation figures at every
    // epoch, the same weights. A file that is not such a network is named.
    void wholeRecordingStageStartsTheSameFromAFile()
    {
        if (!QFile::exists(cincDir() + "/REFERENCE.csv"))
            QSKIP("../shared/cinc2017 is absent: a few of its records are trained on");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto run = [&](const QString& sub, int recordingEpochs, const std::string& startFrom, std::string& said) {
            training::Cinc2017Options o;
            o.dataDir = cincDir().toStdString();
            o.outputDir = dir.filePath(sub).toStdString();
            o.limitRecords = 60;
            o.maxEpochs = 1;
            o.recordingEpochs = recordingEpochs;
            o.startFrom = startFrom;
            o.progress = [&](const std::string& line) { said += line + "\n"; };
            return training::trainAfCinc2017(o);
        };
        std::string firstSaid, bothSaid, resumedSaid;
        const auto first = run("first", 0, "", firstSaid);
        const auto both = run("both", 2, "", bothSaid);
        const auto resumed = run("resumed", 2, first.modelFile, resumedSaid);
        const auto stageLines = [](const std::string& said) {
            std::string lines;
            std::istringstream in(said);
            for (std::string line; std::getline(in, line);)
                if (line.rfind("whole-recording epoch", 0) == 0)
                    lines += line.substr(0, line.rfind(" (lr")) + "\n";   // the epoch's time varies
            return lines;
        };
        QVERIFY2(stageLines(bothSaid).find("whole-recording epoch 2: loss ") != std::string::npos, bothSaid.c_str());
        QCOMPARE(stageLines(resumedSaid), stageLines(bothSaid));
        QVERIFY2(resumedSaid.find("starting from " + first.modelFile) != std::string::npos, resumedSaid.c_str());
        QFile a(QString::fromStdString(both.modelFile)), b(QString::fromStdString(resumed.modelFile));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const auto bytes = a.readAll();
        QVERIFY(bytes.size() > 1000000);
        QVERIFY2(bytes == b.readAll(), "the resumed stage wrote another file");
        QVERIFY(both.validation.confusion == resumed.validation.confusion);

        std::string said;
        const auto card = dir.filePath("first/af-cinc2017.card.json").toStdString();
        try {
            run("bad", 1, card, said);
            QFAIL("a card was taken for a network");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find(card + ": not a TorchScript file") == 0, e.what());
        }
        try {
            run("bad", 0, first.modelFile, said);
            QFAIL("--start-from without --recording-epochs was taken");
        } catch (const std::runtime_error& e) {
            QVERIFY2(std::string(e.what()).find("needs --recording-epochs N") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(AfCinc2017Test)
#include "test_af_cinc2017.moc"
