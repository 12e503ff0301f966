// A model without a card in the workstation (issue 25): the dialog asks how it takes its input and makes the card
// (a bad lead name is said in the dialog, which stays open); the model then loads with the "no model card" warning,
// and the layer chooser lists its submodules — the ones it cannot give greyed, with the reason as tooltip.
#include "Corpus.h"

#include "model/torch/TorchModel.h"
#include "widgets/BareModelDialog.h"
#include "widgets/ExplainerPanel.h"
#include "workbench/Workbench.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTest>

using namespace execg;

namespace {
const QString kModels = QStringLiteral(EXECG_SOURCE_DIR "/tests/models/");
}

class TestBareModel : public QObject {
    Q_OBJECT
private slots:
    void dialogMakesTheCard()
    {
        BareModelDialog dialog(kModels + "samples_first.pt");
        dialog.findChild<QDoubleSpinBox*>("rate")->setValue(250);
        dialog.findChild<QSpinBox*>("samples")->setValue(1000);
        dialog.findChild<QLineEdit*>("leads")->setText(QStringLiteral("I, II, V7x"));
        dialog.findChild<QComboBox*>("layout")->setCurrentIndex(1);
        dialog.accept();
        QVERIFY(!dialog.card());
        QVERIFY(dialog.findChild<QLabel*>("problem")->text().contains("V7x"));
        dialog.findChild<QLineEdit*>("leads")->setText(QStringLiteral("I, II, V1"));
        dialog.accept();
        QVERIFY(dialog.card());
        const ModelCard& c = *dialog.card();
        QVERIFY(c.inferred);
        QCOMPARE(c.input.samplingRateHz, 250.0);
        QCOMPARE(c.input.samples, 1000);
        QCOMPARE(c.input.leads, (std::vector<std::string>{"I", "II", "V1"}));
        QVERIFY(c.input.layout == InputLayout::SamplesFirst);
        QVERIFY(!c.warnings.empty() && c.warnings.front().find("no model card beside") != std::string::npos);
        if (qEnvironmentVariableIsSet("EXECG_SCREENSHOT_DIR"))   // for looking at it, not for the test
            dialog.grab().save(qEnvironmentVariable("EXECG_SCREENSHOT_DIR") + "/bare-model-dialog.png");
    }

    void layerChooserGreysWhatTheModelCannotGive()
    {
        Workbench wb;
        ExplainerPanel panel(wb);
        auto card = inferredModelCard((kModels + "pair_resnet.pt").toStdString(), 250, 1000, {"I", "II", "V1"});
        QSignalSpy loaded(&wb, &Workbench::modelLoaded);
        wb.loadModel(kModels + "pair_resnet.pt", card);
        QVERIFY(loaded.wait(60000));
        QVERIFY(wb.model()->card().inferred);
        auto* methods = panel.findChild<QListWidget*>();
        QListWidgetItem* gradCam = nullptr;
        for (int i = 0; i < methods->count(); ++i)
            if (methods->item(i)->data(Qt::UserRole).toString() == QStringLiteral("grad-cam"))
                gradCam = methods->item(i);
        QVERIFY(gradCam);
        methods->setCurrentItem(gradCam);
        auto* layer = panel.findChild<QComboBox*>("layer");
        QVERIFY(layer);
        QVERIFY(layer->itemText(0).contains("no card"));
        const auto* items = qobject_cast<QStandardItemModel*>(layer->model());
        const int usable = layer->findData(QStringLiteral("res_blocks.2")), twice = layer->findData(QStringLiteral("res_blocks.0.relu"));
        QVERIFY(usable > 0 && twice > 0);
        QVERIFY(items->item(usable)->isEnabled());
        QVERIFY(!items->item(twice)->isEnabled());
        QVERIFY2(layer->itemData(twice, Qt::ToolTipRole).toString().contains("is called 2 times in forward()"),
                 qPrintable(layer->itemData(twice, Qt::ToolTipRole).toString()));
        if (qEnvironmentVariableIsSet("EXECG_SCREENSHOT_DIR")) {
            panel.resize(520, 640);
            layer->setCurrentIndex(usable);
            panel.grab().save(qEnvironmentVariable("EXECG_SCREENSHOT_DIR") + "/bare-model-layers.png");
        }
    }
};

QTEST_MAIN(TestBareModel)
#include "test_bare_model.moc"
