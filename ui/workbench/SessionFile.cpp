#include "workbench/SessionFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace execg {

namespace {

const QString kFormat = QStringLiteral("execg-session");

// Messages a user sees, translatable without a QObject.
class SessionFileTr {
    Q_DECLARE_TR_FUNCTIONS(SessionFileTr)
};

QJsonObject fileEntry(const QDir& base, const QString& absolute)
{
    return {{QStringLiteral("file"), base.relativeFilePath(absolute)}, {QStringLiteral("absolute"), absolute}};
}

// The file an entry names: relative to the session first (a copied session), then as written absolute.
QString resolve(const QDir& base, const QJsonObject& entry, QStringList& missing)
{
    const QString relative = entry.value(QStringLiteral("file")).toString();
    const QString absolute = entry.value(QStringLiteral("absolute")).toString();
    if (!relative.isEmpty() && QFileInfo::exists(base.absoluteFilePath(relative)))
        return QFileInfo(base.absoluteFilePath(relative)).absoluteFilePath();
    if (!absolute.isEmpty() && QFileInfo::exists(absolute))
        return absolute;
    missing << (relative.isEmpty() ? absolute : QDir::cleanPath(base.absoluteFilePath(relative)));
    return {};
}

QJsonObject annotationsToJson(const CaseAnnotations& a)
{
    QJsonArray marks, strokes;
    for (const auto& m : a.marks)
        marks.append(QJsonObject{{QStringLiteral("lead"), QString::fromStdString(m.lead)},
                                 {QStringLiteral("start_s"), m.startSeconds},
                                 {QStringLiteral("end_s"), m.endSeconds}});
    for (const auto& s : a.strokes) {
        QJsonArray points;
        for (const auto& p : s.pointsMm)
            points.append(QJsonArray{p.x(), p.y()});
        strokes.append(QJsonObject{{QStringLiteral("colour"), s.colour.name()},
                                   {QStringLiteral("width_mm"), s.widthMm},
                                   {QStringLiteral("points_mm"), points}});
    }
    return {{QStringLiteral("marks"), marks}, {QStringLiteral("strokes"), strokes}};
}

CaseAnnotations annotationsFromJson(const QJsonObject& o)
{
    CaseAnnotations a;
    for (const auto& v : o.value(QStringLiteral("marks")).toArray()) {
        const QJsonObject m = v.toObject();
        a.marks.push_back({m.value(QStringLiteral("lead")).toString().toStdString(),
                           m.value(QStringLiteral("start_s")).toDouble(), m.value(QStringLiteral("end_s")).toDouble()});
    }
    for (const auto& v : o.value(QStringLiteral("strokes")).toArray()) {
        const QJsonObject s = v.toObject();
        ChartStroke stroke;
        if (const QColor c(s.value(QStringLiteral("colour")).toString()); c.isValid())
            stroke.colour = c;
        stroke.widthMm = s.value(QStringLiteral("width_mm")).toDouble(stroke.widthMm);
        for (const auto& p : s.value(QStringLiteral("points_mm")).toArray())
            stroke.pointsMm << QPointF(p.toArray().at(0).toDouble(), p.toArray().at(1).toDouble());
        if (stroke.pointsMm.size() >= 2)
            a.strokes.push_back(stroke);
    }
    return a;
}

} // namespace

bool writeSessionFile(const QString& path, const SessionFile& session, QString* error, const QString& finalPath)
{
    const QDir base = QFileInfo(finalPath.isEmpty() ? path : finalPath).absoluteDir();
    QJsonObject root{{QStringLiteral("format"), kFormat},
                     {QStringLiteral("version"), SessionFile::kFormatVersion},
                     {QStringLiteral("saved_by"), QStringLiteral("ExECG Studio ") + QCoreApplication::applicationVersion()}};
    QJsonArray cases;
    for (const auto& c : session.cases) {
        QJsonObject entry = fileEntry(base, c);
        if (const auto it = session.annotations.constFind(c); it != session.annotations.cend() && !it->empty())
            entry[QStringLiteral("annotations")] = annotationsToJson(*it);
        cases.append(entry);
    }
    root[QStringLiteral("cases")] = cases;
    root[QStringLiteral("current_case")] = session.currentCase;
    if (!session.model.isEmpty())
        root[QStringLiteral("model")] = fileEntry(base, session.model);
    QJsonArray methods;
    for (const auto& m : session.methods) {
        QJsonObject parameters;
        for (const auto& [k, v] : m.parameters)
            parameters[QString::fromStdString(k)] = QString::fromStdString(v);
        methods.append(QJsonObject{{QStringLiteral("method"), QString::fromStdString(m.method)},
                                   {QStringLiteral("parameters"), parameters}});
    }
    root[QStringLiteral("methods")] = methods;
    root[QStringLiteral("target")] = session.target;
    root[QStringLiteral("chart_method")] = session.chartMethod;
    root[QStringLiteral("display")] = session.display;
    root[QStringLiteral("teaching")] = QJsonObject{{QStringLiteral("deidentify"), session.deidentify},
                                                   {QStringLiteral("blind"), session.blind},
                                                   {QStringLiteral("quiz"), session.quiz}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(root).toJson()) < 0 || !file.commit()) {
        if (error)
            *error = SessionFileTr::tr("%1: cannot write the session (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

SessionRead readSessionFile(const QString& path)
{
    SessionRead r;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = SessionFileTr::tr("%1: cannot open the session (%2)").arg(path, file.errorString());
        return r;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError) {
        r.error = SessionFileTr::tr("%1: not valid JSON at byte %2 (%3)").arg(path).arg(parse.offset).arg(parse.errorString());
        return r;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat) {
        r.error = SessionFileTr::tr("%1: not an ExECG Studio session file").arg(path);
        return r;
    }
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1 || version > SessionFile::kFormatVersion) {
        r.error = SessionFileTr::tr("%1: session format version %2; this ExECG Studio reads versions 1 to %3")
                      .arg(path).arg(version).arg(SessionFile::kFormatVersion);
        return r;
    }

    const QDir base = QFileInfo(path).absoluteDir();
    SessionFile s;
    const QJsonArray cases = root.value(QStringLiteral("cases")).toArray();
    const int current = root.value(QStringLiteral("current_case")).toInt(0);
    for (int i = 0; i < cases.size(); ++i) {
        const QJsonObject entry = cases.at(i).toObject();
        const QString found = resolve(base, entry, r.missing);
        if (found.isEmpty())
            continue;
        if (i == current)
            s.currentCase = int(s.cases.size());
        s.cases << found;
        const auto a = annotationsFromJson(entry.value(QStringLiteral("annotations")).toObject());
        if (!a.empty())
            s.annotations.insert(found, a);
    }
    if (root.contains(QStringLiteral("model")))
        s.model = resolve(base, root.value(QStringLiteral("model")).toObject(), r.missing);
    for (const auto& v : root.value(QStringLiteral("methods")).toArray()) {
        const QJsonObject m = v.toObject();
        MethodChoice choice{m.value(QStringLiteral("method")).toString().toStdString(), {}};
        const QJsonObject parameters = m.value(QStringLiteral("parameters")).toObject();
        for (auto it = parameters.begin(); it != parameters.end(); ++it)
            choice.parameters[it.key().toStdString()] = it.value().toString().toStdString();
        if (!choice.method.empty())
            s.methods.push_back(choice);
    }
    s.target = root.value(QStringLiteral("target")).toInt(-1);
    s.chartMethod = root.value(QStringLiteral("chart_method")).toString();
    s.display = root.value(QStringLiteral("display")).toObject();
    const QJsonObject teaching = root.value(QStringLiteral("teaching")).toObject();
    s.deidentify = teaching.value(QStringLiteral("deidentify")).toBool();
    s.blind = teaching.value(QStringLiteral("blind")).toBool();
    s.quiz = teaching.value(QStringLiteral("quiz")).toBool();
    r.session = s;
    return r;
}

SessionFile captureSession(const Workbench& workbench)
{
    SessionFile s;
    for (const auto& c : workbench.cases().entries())
        s.cases << QFileInfo(c.path).absoluteFilePath();
    s.currentCase = std::max(0, workbench.cases().current());
    s.model = workbench.modelPath().isEmpty() ? QString() : QFileInfo(workbench.modelPath()).absoluteFilePath();
    s.methods = workbench.methods();
    s.target = workbench.requestedTarget();
    const Teaching& t = workbench.teaching();
    s.deidentify = workbench.deidentify();
    s.blind = t.blind();
    s.quiz = t.quiz();
    for (auto it = t.allAnnotations().begin(); it != t.allAnnotations().end(); ++it)
        if (!it->empty())
            s.annotations.insert(QFileInfo(it.key()).absoluteFilePath(), *it);
    return s;
}

void applySession(Workbench& workbench, const SessionFile& session)
{
    Teaching& t = workbench.teaching();
    workbench.setDeidentify(session.deidentify);
    t.setBlind(session.blind);
    t.setQuiz(session.quiz);
    t.setAllAnnotations(session.annotations);
    workbench.setMethods(session.methods);
    workbench.setTarget(session.target);
    if (!session.model.isEmpty())
        workbench.loadModel(session.model);
    workbench.cases().clear();
    if (!session.cases.isEmpty()) {
        workbench.cases().add(session.cases);
        workbench.openCaseAt(std::clamp(session.currentCase, 0, int(session.cases.size()) - 1));
    }
}

} // namespace execg
