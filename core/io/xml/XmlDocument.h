#pragma once
// A read-only XML document for the vendor ECG readers (GE MUSE, HL7 aECG, Philips): libxml2 underneath (already in
// the dependency tree through DCMTK, robust to the encodings these files declare — ISO-8859-1, UTF-8, UTF-16), with
// the network, external DTDs and entity expansion off, so a file can neither reach out nor blow up. Elements are
// matched by local name, whatever namespace prefix the producer chose.
//
// The encoding is taken from the bytes where they contradict the XML declaration: exports passed through other tools
// are often declared encoding="utf-16" while their bytes are plain ASCII/UTF-8 (no byte-order mark, no NUL bytes),
// which libxml2 alone refuses. A byte-order mark (UTF-8, UTF-16 LE/BE) or the NUL pattern of "<?" in UTF-16 decides;
// bytes with neither are read as UTF-8 when the declaration names a 16-bit encoding. The document says so in one
// warning naming both encodings.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct _xmlDoc;
struct _xmlNode;

namespace execg::xml {

class Node {
public:
    Node() = default;
    explicit Node(_xmlNode* n) : node_(n) {}
    explicit operator bool() const { return node_ != nullptr; }
    std::string name() const;                                    // local name
    Node child(const std::string& name) const;                   // the first element child so named
    std::vector<Node> children(const std::string& name = {}) const;   // element children (all, or so named)
    Node find(const std::string& name) const;                    // the first element so named, depth first, below this one
    std::vector<Node> findAll(const std::string& name) const;
    std::string text() const;                                    // the text content, trimmed
    std::string childText(const std::string& name) const;        // child(name).text(), empty when absent
    std::string attribute(const std::string& name) const;        // empty when absent
    int line() const;

private:
    _xmlNode* node_ = nullptr;
};

class Document {
public:
    // Throws ReadError naming `path`, the line and libxml2's reason when the file is not well-formed XML.
    explicit Document(const std::string& path);
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;
    Node root() const;
    // Where the bytes contradicted the declared encoding: one sentence naming both; empty otherwise.
    const std::string& encodingWarning() const { return encodingWarning_; }

private:
    _xmlDoc* doc_ = nullptr;
    std::string encodingWarning_;
};

// A number written in an element or attribute: nothing when the text is empty, not wholly a number, or not finite.
std::optional<double> number(const std::string& text);

// Base64 (RFC 4648), whitespace ignored. Throws std::invalid_argument naming the first bad character's position.
std::vector<std::uint8_t> decodeBase64(const std::string& text);

} // namespace execg::xml
