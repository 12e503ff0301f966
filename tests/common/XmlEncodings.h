#pragma once
// One XML document in the encodings its producers write and in the ones they claim: declared UTF-16 while the
// bytes are 8-bit (with and without a UTF-8 byte-order mark), real UTF-16 LE/BE (with a byte-order mark, or with only
// the NUL pattern), UTF-16 declared UTF-8. checkEncodings reads every variant with a reader and compares it with the
// plain document, sample for sample, and its warnings with the one the variant must add (or none).
#include "TestFiles.h"
#include "recording/Recording.h"

#include <QtTest>

#include <cmath>
#include <string>
#include <vector>

namespace execg::test {

// The document with its XML declaration naming `encoding` (a declaration is added where it has none).
inline std::string withDeclaredEncoding(const std::string& doc, const std::string& encoding)
{
    const std::string decl = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>";
    if (doc.rfind("<?xml", 0) != 0)
        return decl + "\n" + doc;
    return decl + doc.substr(doc.find("?>") + 2);
}

// ISO-8859-1 text in UTF-8.
inline std::string latin1ToUtf8(const std::string& s)
{
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80) {
            out += c;
        } else {
            out += char(0xC0 | u >> 6);
            out += char(0x80 | (u & 0x3F));
        }
    }
    return out;
}

// ISO-8859-1 text in UTF-16 (each byte is its own code point), with or without a byte-order mark.
inline std::string latin1ToUtf16(const std::string& s, bool bigEndian, bool bom)
{
    std::string out = bom ? std::string(bigEndian ? "\xFE\xFF" : "\xFF\xFE") : std::string();
    for (const char c : s) {
        out += bigEndian ? '\0' : c;
        out += bigEndian ? c : '\0';
    }
    return out;
}

struct EncodingVariant {
    const char* name;
    std::string bytes;
    std::string warning;   // the one warning the reader must add; empty: none
};

// The variants of `latin1Doc` (an XML document in ISO-8859-1, ASCII included, whatever its declaration says).
inline std::vector<EncodingVariant> encodingVariants(const std::string& latin1Doc)
{
    const auto said = [](const std::string& declared, const std::string& actual, const std::string& evidence) {
        return "the XML declaration says encoding=\"" + declared + "\" but the bytes are " + actual + " (" + evidence + "); read as " + actual;
    };
    const std::string utf8 = latin1ToUtf8(latin1Doc);
    const std::string as16 = withDeclaredEncoding(latin1Doc, "utf-16");
    std::vector<EncodingVariant> v{
        {"UTF-8 declared utf-16", withDeclaredEncoding(utf8, "utf-16"), said("utf-16", "UTF-8", "no byte-order mark, no NUL bytes")},
        {"UTF-8 with BOM declared utf-16", "\xEF\xBB\xBF" + withDeclaredEncoding(utf8, "utf-16"), said("utf-16", "UTF-8", "a UTF-8 byte-order mark")},
        {"UTF-16LE with BOM", latin1ToUtf16(as16, false, true), ""},
        {"UTF-16BE with BOM", latin1ToUtf16(as16, true, true), ""},
        {"UTF-16LE without BOM", latin1ToUtf16(as16, false, false), ""},
        {"UTF-16BE without BOM", latin1ToUtf16(as16, true, false), ""},
        {"UTF-16LE with BOM declared UTF-8", latin1ToUtf16(withDeclaredEncoding(latin1Doc, "UTF-8"), false, true),
         said("UTF-8", "UTF-16LE", "a UTF-16LE byte-order mark")},
        {"UTF-16BE without BOM declared ISO-8859-1", latin1ToUtf16(withDeclaredEncoding(latin1Doc, "ISO-8859-1"), true, false),
         said("ISO-8859-1", "UTF-16BE", "NUL bytes before every character, no byte-order mark")},
    };
    if (utf8 != latin1Doc)   // bytes that are not UTF-8 under a 16-bit declaration
        v.push_back({"ISO-8859-1 declared utf-16", as16, said("utf-16", "ISO-8859-1", "no byte-order mark, no NUL bytes, not UTF-8")});
    return v;
}

inline void compareRecordings(const Recording& a, const Recording& b)
{
    QCOMPARE(a.groups.size(), b.groups.size());
    for (std::size_t g = 0; g < a.groups.size(); ++g) {
        QCOMPARE(a.groups[g].leads.size(), b.groups[g].leads.size());
        QCOMPARE(a.groups[g].samplingRateHz, b.groups[g].samplingRateHz);
        for (std::size_t l = 0; l < a.groups[g].leads.size(); ++l) {
            QCOMPARE(a.groups[g].leads[l].name, b.groups[g].leads[l].name);
            const auto& x = a.groups[g].leads[l].samples;
            const auto& y = b.groups[g].leads[l].samples;
            QCOMPARE(x.size(), y.size());
            for (std::size_t i = 0; i < x.size(); ++i)
                QVERIFY(x[i] == y[i] || (std::isnan(x[i]) && std::isnan(y[i])));
        }
    }
    QCOMPARE(a.metadata.patient.name, b.metadata.patient.name);
    QCOMPARE(a.metadata.statements, b.metadata.statements);
}

// Reads `latin1Doc` plainly (UTF-8, declared so) and in every variant, from files in `dir`: each variant reads to
// the same recording, with the variant's warning added to the plain one's.
template <class Reader>
void checkEncodings(const Reader& reader, const std::string& latin1Doc, const QString& dir)
{
    const std::string plainPath = (dir + "/plain.xml").toStdString();
    writeFile(plainPath, withDeclaredEncoding(latin1ToUtf8(latin1Doc), "UTF-8"));
    const Recording plain = reader.read(plainPath, {});
    int n = 0;
    for (const auto& v : encodingVariants(latin1Doc)) {
        const std::string path = (dir + "/variant" + QString::number(++n) + ".xml").toStdString();
        writeFile(path, v.bytes);
        Recording r;
        try {
            r = reader.read(path, {});
        } catch (const std::exception& e) {
            QFAIL(qPrintable(QString::fromUtf8(v.name) + ": " + QString::fromStdString(e.what())));
        }
        std::vector<std::string> expected = plain.warnings;
        if (!v.warning.empty())
            expected.insert(expected.begin(), v.warning);
        QVERIFY2(r.warnings == expected, v.name);
        compareRecordings(plain, r);
        if (QTest::currentTestFailed()) {
            qWarning("in variant: %s", v.name);
            return;
        }
    }
    QCOMPARE(n, latin1ToUtf8(latin1Doc) == latin1Doc ? 8 : 9);
}

} // namespace execg::test
