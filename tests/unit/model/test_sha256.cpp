// SHA-256 against the FIPS 180-4 example vectors and, where the reference folder is present, against the model
// hash recorded beside the Captum reference model.
#include "Corpus.h"
#include "TestFiles.h"

#include "model/Sha256.h"

#include <QFile>
#include <QtTest>

using namespace execg;

class Sha256Test : public QObject {
    Q_OBJECT

private slots:
    void fipsVectors()
    {
        auto bytes = [](const std::string& s) { return std::vector<std::uint8_t>(s.begin(), s.end()); };
        QCOMPARE(sha256Hex({}), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sha256Hex(bytes("abc")), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256Hex(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
                 std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        QCOMPARE(sha256Hex(std::vector<std::uint8_t>(1000000, 'a')),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    void fileHashAndErrors()
    {
        const QString dir = test::scratchDir("sha256");
        test::writeFile(dir + "/abc.bin", std::string("abc"));
        QCOMPARE(sha256OfFile((dir + "/abc.bin").toStdString()),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, sha256OfFile((dir + "/missing.pt").toStdString()));
    }

    // The hash model_meta.json records for the Captum reference model (../shared/reference beside the corpus).
    void referenceModel()
    {
        const QString model = test::corpusDir() + "/../reference/captum/model.pt";
        if (!QFile::exists(model))
            QSKIP(qPrintable("reference model not found at " + model + "; skipped"));
        QCOMPARE(sha256OfFile(model.toStdString()),
                 std::string("c03ae87fe0a91403a67ee27853b1ebc24364d95eca3b37d032ce943b1546a9f6"));
    }
};

QTEST_GUILESS_MAIN(Sha256Test)
#include "test_sha256.moc"
