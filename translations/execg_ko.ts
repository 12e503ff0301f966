<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>EvidenceText</name>
    <message>
        <source>all leads</source>
        <translation>모든 유도</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>a list of leads: the first ones, the last</comment>
        <translation>%1 및 %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between leads in a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the P waves of %2</source>
        <translation>근거의 %1 %가 %2의 P파에 있습니다</translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the PR segments of %2</source>
        <translation>근거의 %1 %가 %2의 PR 분절에 있습니다</translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the QRS complexes of %2</source>
        <translation>근거의 %1 %가 %2의 QRS 복합체에 있습니다</translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the ST segments of %2</source>
        <translation>근거의 %1 %가 %2의 ST 분절에 있습니다</translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the T waves of %2</source>
        <translation>근거의 %1 %가 %2의 T파에 있습니다</translation>
    </message>
    <message>
        <source>%1 % of the evidence lies in the TP baseline of %2</source>
        <translation>근거의 %1 %가 %2의 TP 기저선에 있습니다</translation>
    </message>
</context>
<context>
    <name>MapDisplayText</name>
    <message>
        <source>drawn per wave (each wave&apos;s share of the evidence)</source>
        <translation>파형별 표시 (각 파형이 차지하는 근거 비율)</translation>
    </message>
    <message>
        <source>drawn smoothed over %1 ms (display only)</source>
        <translation>%1 ms 평활화하여 표시 (표시 전용)</translation>
    </message>
    <message>
        <source>% of the evidence per wave</source>
        <translation>파형별 근거 %</translation>
    </message>
    <message>
        <source>display smoothing %1 ms</source>
        <translation>표시 평활화 %1 ms</translation>
    </message>
</context>
<context>
    <name>PaperChartRenderer</name>
    <message>
        <source>not recorded</source>
        <translation>기록되지 않음</translation>
    </message>
    <message>
        <source>attribution</source>
        <translation>기여도</translation>
    </message>
    <message>
        <source>from %1 s</source>
        <translation>%1 s부터</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: not enough memory to read this file</source>
        <translation>%1: 이 파일을 읽을 메모리가 부족합니다</translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation>메모리 부족</translation>
    </message>
</context>
<context>
    <name>SessionFileTr</name>
    <message>
        <source>%1: cannot write the session (%2)</source>
        <translation>%1: 세션을 저장할 수 없습니다 (%2)</translation>
    </message>
    <message>
        <source>%1: cannot open the session (%2)</source>
        <translation>%1: 세션을 열 수 없습니다 (%2)</translation>
    </message>
    <message>
        <source>%1: not valid JSON at byte %2 (%3)</source>
        <translation>%1: %2번째 바이트에서 JSON 형식이 올바르지 않습니다 (%3)</translation>
    </message>
    <message>
        <source>%1: not an ExECG Studio session file</source>
        <translation>%1: ExECG Studio 세션 파일이 아닙니다</translation>
    </message>
    <message>
        <source>%1: session format version %2; this ExECG Studio reads versions 1 to %3</source>
        <translation>%1: 세션 형식 버전 %2입니다. 이 ExECG Studio는 버전 1부터 %3까지만 읽을 수 있습니다</translation>
    </message>
</context>
<context>
    <name>TeachingBundleTr</name>
    <message>
        <source>%1: cannot copy into the bundle as %2</source>
        <translation>%1: 묶음에 %2(으)로 복사할 수 없습니다</translation>
    </message>
    <message>
        <source>%1: the folder is not empty; a teaching bundle is written into a new or empty folder</source>
        <translation>%1: 폴더가 비어 있지 않습니다. 교육용 묶음은 새 폴더 또는 빈 폴더에 저장됩니다</translation>
    </message>
    <message>
        <source>%1: cannot create the bundle&apos;s folders</source>
        <translation>%1: 묶음의 폴더를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: 취소됨</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>증례 %1</translation>
    </message>
    <message>
        <source>%1: left out of the bundle (it could not be read or written)</source>
        <translation>%1: 묶음에서 제외되었습니다 (읽거나 저장할 수 없음)</translation>
    </message>
    <message>
        <source>%1: the model&apos;s generator lies outside the model&apos;s folder and was not copied</source>
        <translation>%1: 모델의 생성기가 모델 폴더 밖에 있어 복사되지 않았습니다</translation>
    </message>
    <message>
        <source>%1: cannot replace the empty folder</source>
        <translation>%1: 빈 폴더를 대체할 수 없습니다</translation>
    </message>
    <message>
        <source>%1: cannot move the finished bundle into place</source>
        <translation>%1: 완성된 묶음을 대상 위치로 옮길 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: 저장할 수 없습니다 (%2)</translation>
    </message>
    <message>
        <source>the image could not be encoded</source>
        <translation>이미지를 인코딩할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>execg</name>
    <message>
        <source>filters %1–%2 Hz</source>
        <translation>필터 %1–%2 Hz</translation>
    </message>
    <message>
        <source>high-pass %1 Hz</source>
        <translation>고역 통과 %1 Hz</translation>
    </message>
    <message>
        <source>low-pass %1 Hz</source>
        <translation>저역 통과 %1 Hz</translation>
    </message>
    <message>
        <source>notch %1 Hz</source>
        <translation>노치 %1 Hz</translation>
    </message>
    <message>
        <source>filters not stated in the file</source>
        <translation>파일에 필터 정보 없음</translation>
    </message>
    <message>
        <source>de-identified</source>
        <translation>비식별화됨</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>생년월일 %1</translation>
    </message>
    <message>
        <source>age ≥ 90</source>
        <translation>90세 이상</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1세</translation>
    </message>
    <message>
        <source>patient not stated in the file</source>
        <translation>파일에 환자 정보 없음</translation>
    </message>
    <message>
        <source>acquisition date removed</source>
        <translation>기록 일시 삭제됨</translation>
    </message>
    <message>
        <source>acquired %1</source>
        <translation>기록 일시 %1</translation>
    </message>
    <message>
        <source> (software %1)</source>
        <translation> (소프트웨어 %1)</translation>
    </message>
    <message>
        <source>%1 s at %2 Hz, %3 leads · %4</source>
        <translation>%1 s, %2 Hz, %3개 유도 · %4</translation>
    </message>
    <message>
        <source>%1 mm/s · %2 mm/mV</source>
        <translation>%1 mm/s · %2 mm/mV</translation>
    </message>
    <message>
        <source> (chest leads %1 mm/mV)</source>
        <translation> (흉부 유도 %1 mm/mV)</translation>
    </message>
    <message>
        <source>attribution</source>
        <translation>기여도</translation>
    </message>
    <message>
        <source>full colour: a fixed %1</source>
        <translation>최대 색상 기준: 고정값 %1</translation>
    </message>
    <message>
        <source>full colour: 99th percentile of |a| over all %1 methods</source>
        <translation>최대 색상 기준: 전체 %1개 방법에 대한 |a|의 99번째 백분위수</translation>
    </message>
    <message>
        <source>full colour: 99th percentile of |a|</source>
        <translation>최대 색상 기준: |a|의 99번째 백분위수</translation>
    </message>
    <message>
        <source>model: %1 %2 · sha256 %3…</source>
        <translation>모델: %1 %2 · sha256 %3…</translation>
    </message>
    <message>
        <source>Demo model trained on synthetic ECGs — not for clinical use</source>
        <translation>합성 심전도로 학습된 데모 모델 — 임상 사용 불가</translation>
    </message>
    <message>
        <source>no recording to report</source>
        <translation>보고할 기록이 없습니다</translation>
    </message>
    <message>
        <source>ExECG Studio report</source>
        <translation>ExECG Studio 보고서</translation>
    </message>
    <message>
        <source>cannot paint the PDF</source>
        <translation>PDF를 그릴 수 없습니다</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>연령 %1</translation>
    </message>
</context>
<context>
    <name>execg::AuditLogModel</name>
    <message>
        <source> (seed %1)</source>
        <translation> (시드 %1)</translation>
    </message>
    <message>
        <source> (failed)</source>
        <translation> (실패)</translation>
    </message>
    <message>
        <source>%1: there is no audit log yet — no analysis has been recorded</source>
        <translation>%1: 아직 감사 로그가 없습니다 — 기록된 분석이 없습니다</translation>
    </message>
    <message>
        <source>%1
SHA-256 %2</source>
        <translation>%1
SHA-256 %2</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2의 %1</translation>
    </message>
    <message>
        <source>whole</source>
        <translation>온전함</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>시간 (UTC)</translation>
    </message>
    <message>
        <source>User</source>
        <translation>사용자</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>프로그램</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>체인</translation>
    </message>
</context>
<context>
    <name>execg::AuditLogView</name>
    <message>
        <source>any</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Audit log — ExECG Studio</source>
        <translation>감사 로그 — ExECG Studio</translation>
    </message>
    <message>
        <source>file name, path or SHA-256</source>
        <translation>파일 이름, 경로 또는 SHA-256</translation>
    </message>
    <message>
        <source>any model</source>
        <translation>모든 모델</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>다시 검증</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>사례:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>모델:</translation>
    </message>
    <message>
        <source>From (UTC):</source>
        <translation>시작 (UTC):</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>끝:</translation>
    </message>
    <message>
        <source>Select an entry to see it in full.</source>
        <translation>항목을 선택하면 전체 내용을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Reading and verifying the audit log…</source>
        <translation>감사 로그를 읽고 검증하는 중…</translation>
    </message>
    <message>
        <source>the chain is whole: no entry has been edited, removed or moved</source>
        <translation>체인이 온전합니다: 수정, 삭제 또는 이동된 항목이 없습니다</translation>
    </message>
    <message>
        <source>1 problem in the chain: an entry was edited, removed or moved (shaded below)</source>
        <translation>체인에 문제 1개: 항목이 수정, 삭제 또는 이동되었습니다 (아래 음영 표시)</translation>
    </message>
    <message>
        <source>%1 problems in the chain: entries were edited, removed or moved (shaded below)</source>
        <translation>체인에 문제 %1개: 항목이 수정, 삭제 또는 이동되었습니다 (아래 음영 표시)</translation>
    </message>
    <message>
        <source>%1: %2 of %3 entries shown; %4.</source>
        <translation>%1: 항목 %3개 중 %2개 표시; %4.</translation>
    </message>
    <message>
        <source>Entry %1, %2 UTC, %3 on %4, %5</source>
        <translation>항목 %1, %2 UTC, %4의 %3, %5</translation>
    </message>
    <message>
        <source>Recording: %1 (SHA-256 %2)</source>
        <translation>기록: %1 (SHA-256 %2)</translation>
    </message>
    <message>
        <source>Model: %1 (SHA-256 %2)</source>
        <translation>모델: %1 (SHA-256 %2)</translation>
    </message>
    <message>
        <source>Results document SHA-256: %1</source>
        <translation>결과 문서 SHA-256: %1</translation>
    </message>
    <message>
        <source>Entry hash: %1 (the one before: %2)</source>
        <translation>항목 해시: %1 (이전 항목: %2)</translation>
    </message>
    <message>
        <source>Methods:</source>
        <translation>방법:</translation>
    </message>
    <message>
        <source>Software:</source>
        <translation>소프트웨어:</translation>
    </message>
</context>
<context>
    <name>execg::BareModelDialog</name>
    <message>
        <source>Model without a card</source>
        <translation>모델 카드가 없는 모델</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; has no model card beside it. Describe the input it was trained on; every result will carry a “no model card” warning. &lt;tt&gt;execg-cli model-info&lt;/tt&gt; guesses these from the file and writes a card to start from.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 옆에 모델 카드가 없습니다. 모델이 학습된 입력을 설명하십시오. 모든 결과에 “모델 카드 없음” 경고가 표시됩니다. &lt;tt&gt;execg-cli model-info&lt;/tt&gt;는 파일에서 이 값을 추정하고 시작용 카드를 작성합니다.</translation>
    </message>
    <message>
        <source> Hz</source>
        <translation> Hz</translation>
    </message>
    <message>
        <source>Sampling rate</source>
        <translation>샘플링 속도</translation>
    </message>
    <message>
        <source>Samples per lead</source>
        <translation>유도당 샘플 수</translation>
    </message>
    <message>
        <source>Lead names in the model&apos;s channel order, separated by commas.</source>
        <translation>모델의 채널 순서대로 쉼표로 구분한 유도 이름.</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>유도</translation>
    </message>
    <message>
        <source>leads first (batch × leads × samples)</source>
        <translation>유도 우선 (배치 × 유도 × 샘플)</translation>
    </message>
    <message>
        <source>samples first (batch × samples × leads)</source>
        <translation>샘플 우선 (배치 × 샘플 × 유도)</translation>
    </message>
    <message>
        <source>Input layout</source>
        <translation>입력 배치</translation>
    </message>
</context>
<context>
    <name>execg::CohortFigures</name>
    <message>
        <source>all ECGs (%1)</source>
        <translation>전체 심전도 (%1)</translation>
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
        <translation>없음</translation>
    </message>
    <message>
        <source>P waves</source>
        <translation>P파</translation>
    </message>
    <message>
        <source>PR segments</source>
        <translation>PR 분절</translation>
    </message>
    <message>
        <source>QRS complexes</source>
        <translation>QRS 군</translation>
    </message>
    <message>
        <source>ST segments</source>
        <translation>ST 분절</translation>
    </message>
    <message>
        <source>T waves</source>
        <translation>T파</translation>
    </message>
    <message>
        <source>TP baseline</source>
        <translation>TP 기준선</translation>
    </message>
    <message>
        <source>regions outside the delineated waves</source>
        <translation>구분된 파형 밖의 영역</translation>
    </message>
    <message>
        <source>all %1 ECGs</source>
        <translation>전체 심전도 %1건</translation>
    </message>
    <message>
        <source>the %1 ECGs %2</source>
        <translation>%2 심전도 %1건</translation>
    </message>
    <message>
        <source>In %1 % of %2, %3 puts the largest share of its evidence in the %4, spread over the leads.</source>
        <translation>%2 중 %1 %에서 %3은(는) 증거의 가장 큰 몫을 %4에 두며, 유도 전체에 퍼져 있습니다.</translation>
    </message>
    <message>
        <source>In %1 % of %2, %3 puts the largest share of its evidence in the %4, most in %5.</source>
        <translation>%2 중 %1 %에서 %3은(는) 증거의 가장 큰 몫을 %4에 두며, 대부분 %5에 있습니다.</translation>
    </message>
</context>
<context>
    <name>execg::CohortPages</name>
    <message>
        <source>Cohort report</source>
        <translation>코호트 보고서</translation>
    </message>
    <message>
        <source>Model: %1 (SHA-256 %2…)</source>
        <translation>모델: %1 (SHA-256 %2…)</translation>
    </message>
    <message>
        <source>Methods: %1</source>
        <translation>방법: %1</translation>
    </message>
    <message>
        <source>Counterfactual target: %1</source>
        <translation>반사실 목표: %1</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>저장소: %1</translation>
    </message>
    <message>
        <source>Records: %1 — %2 analysed, %3 could not be analysed</source>
        <translation>기록: %1건 — %2건 분석, %3건 분석 불가</translation>
    </message>
    <message>
        <source>Headlines</source>
        <translation>요점</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Records that could not be analysed</source>
        <translation>분석할 수 없었던 기록</translation>
    </message>
    <message>
        <source>%1 × %2 (e.g. %3)</source>
        <translation>%1 × %2 (예: %3)</translation>
    </message>
    <message>
        <source>… and %1 other reasons (all in the JSON)</source>
        <translation>… 그 밖의 이유 %1개 (모두 JSON에 있음)</translation>
    </message>
    <message>
        <source>Where %1&apos;s evidence lies</source>
        <translation>%1의 증거가 있는 곳</translation>
    </message>
    <message>
        <source>Share of the method&apos;s total |attribution| per wave in each ECG: boxes span the quartiles, whiskers the 5th to 95th percentiles, the line is the median. Groups by %1.</source>
        <translation>각 심전도에서 방법의 전체 |기여도| 중 파형별 몫: 상자는 사분위 범위, 수염은 5~95 백분위, 선은 중앙값입니다. 그룹 기준: %1.</translation>
    </message>
    <message>
        <source>%1 on the median beat</source>
        <translation>중앙 박동 위의 %1</translation>
    </message>
    <message>
        <source>Per lead: the mean median beat of all ECGs (black, 50 mm/s, 10 mm/mV) and, below it, the mean evidence over the beats of each ECG&apos;s median beat, relative to the ECG&apos;s average (1 = average), per group.</source>
        <translation>유도별: 전체 심전도의 평균 중앙 박동(검정, 50 mm/s, 10 mm/mV)과 그 아래에 각 심전도 중앙 박동을 이룬 박동들의 평균 증거(심전도 평균 대비, 1 = 평균)를 그룹별로 표시합니다.</translation>
    </message>
    <message>
        <source>Agreement between the methods</source>
        <translation>방법 간 일치도</translation>
    </message>
    <message>
        <source>Spearman&apos;s rank correlation of two methods&apos; shares per lead and wave, in each ECG; the median over the ECGs (quartiles in brackets).</source>
        <translation>각 심전도에서 두 방법의 유도·파형별 몫의 스피어먼 순위 상관; 심전도 전체의 중앙값(괄호 안은 사분위수).</translation>
    </message>
    <message>
        <source>What %1 changed</source>
        <translation>%1이(가) 바꾼 것</translation>
    </message>
    <message>
        <source>Target reached in %1 of %2 ECGs. Per measurement: the median change with its 95 % confidence interval, the share of ECGs where it rose, Wilcoxon&apos;s signed-rank test and Holm&apos;s correction over the measurements. The 30 smallest p-values.</source>
        <translation>%2건 중 %1건에서 목표에 도달했습니다. 측정값별: 중앙 변화와 95 % 신뢰구간, 증가한 심전도의 비율, 윌콕슨 부호 순위 검정과 측정값 전체에 대한 홈 보정. p값이 가장 작은 30개.</translation>
    </message>
    <message>
        <source>measurement</source>
        <translation>측정값</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>유도</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>단위</translation>
    </message>
    <message>
        <source>pairs</source>
        <translation>쌍</translation>
    </message>
    <message>
        <source>median change [95 % CI]</source>
        <translation>중앙 변화 [95 % CI]</translation>
    </message>
    <message>
        <source>rose</source>
        <translation>증가</translation>
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
        <translation>%1: 중앙값 %2 %3 (사분위 %4–%5), 심전도 %6건</translation>
    </message>
    <message>
        <source>Share per lead, all ECGs</source>
        <translation>유도별 몫, 전체 심전도</translation>
    </message>
    <message>
        <source>Evidence scale: the panel&apos;s bottom is 0; 14 mm is %1 × the ECG&apos;s average evidence (higher peaks are cut at the panel&apos;s top). Grid 1 mm; the dashed line is the QRS fiducial; the axis runs from %2 to %3 ms.</source>
        <translation>증거 척도: 칸의 아래쪽이 0이고 14 mm는 심전도 평균 증거의 %1배입니다(더 높은 봉우리는 칸 위쪽에서 잘림). 격자 1 mm; 점선은 QRS 기준점; 축은 %2 ms에서 %3 ms까지입니다.</translation>
    </message>
    <message>
        <source>ExECG Studio cohort report</source>
        <translation>ExECG Studio 코호트 보고서</translation>
    </message>
    <message>
        <source>cannot paint the PDF</source>
        <translation>PDF를 그릴 수 없습니다</translation>
    </message>
    <message>
        <source>Concepts (TCAV) in each group</source>
        <translation>그룹별 개념 (TCAV)</translation>
    </message>
    <message>
        <source>Concept tests with each group&apos;s own ECGs as the inputs: the share of them whose output rises along the concept (score, 95 % interval), beside random directions; Welch&apos;s t-test with Holm&apos;s correction; a CAV below 70 % held-out accuracy is unreliable, and so is one between concept and random ECGs of different origins (read from files against generated), which it tells apart by origin alone.</source>
        <translation>각 그룹의 심전도를 입력으로 한 개념 검정: 개념 방향으로 출력이 증가하는 비율(점수, 95 % 구간)을 무작위 방향과 비교; 홈 보정을 적용한 웰치 t-검정; 보류 정확도 70 % 미만의 CAV는 신뢰할 수 없습니다. 출처가 다른 개념 심전도와 무작위 심전도(파일에서 읽은 것과 생성된 것) 사이의 CAV도 출처만으로 둘을 구별하므로 신뢰할 수 없습니다.</translation>
    </message>
    <message>
        <source>could not run: %1</source>
        <translation>실행할 수 없음: %1</translation>
    </message>
    <message>
        <source>significant</source>
        <translation>유의함</translation>
    </message>
    <message>
        <source>not significant</source>
        <translation>유의하지 않음</translation>
    </message>
    <message>
        <source>unreliable CAV</source>
        <translation>신뢰할 수 없는 CAV</translation>
    </message>
    <message>
        <source>group (ECGs)</source>
        <translation>그룹 (심전도)</translation>
    </message>
    <message>
        <source>concept</source>
        <translation>개념</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>score [95 % CI]</source>
        <translation>점수 [95 % CI]</translation>
    </message>
    <message>
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <source>CAV</source>
        <translation>CAV</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>판정</translation>
    </message>
</context>
<context>
    <name>execg::CohortView</name>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Cohort — ExECG Studio</source>
        <translation>코호트 — ExECG Studio</translation>
    </message>
    <message>
        <source>Open a cohort store…</source>
        <translation>코호트 저장소 열기…</translation>
    </message>
    <message>
        <source>Analyse a folder…</source>
        <translation>폴더 분석…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Open a cohort store (execg-cli cohort run) or analyse a folder of recordings with the model in use.</source>
        <translation>코호트 저장소(execg-cli cohort run)를 열거나 사용 중인 모델로 기록 폴더를 분석하십시오.</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>방법:</translation>
    </message>
    <message>
        <source>Wave (records):</source>
        <translation>파형(기록):</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>그룹:</translation>
    </message>
    <message>
        <source>Share of the evidence per wave, by group</source>
        <translation>파형별 증거 몫, 그룹별</translation>
    </message>
    <message>
        <source>Share of the evidence per lead, all ECGs</source>
        <translation>유도별 증거 몫, 전체 심전도</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <source>Share in the wave, %</source>
        <translation>파형 내 몫, %</translation>
    </message>
    <message>
        <source>Evidence by wave and lead</source>
        <translation>파형·유도별 증거</translation>
    </message>
    <message>
        <source>On the median beat</source>
        <translation>중앙 박동 위</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>%1 of %2 recordings · %3 a minute · %4 left · %5 could not be analysed</source>
        <translation>기록 %2건 중 %1건 · 분당 %3건 · %4 남음 · %5건 분석 불가</translation>
    </message>
    <message>
        <source>Stopped: %1 analysed, %2 could not be analysed in this run; analysing the folder into the same store again goes on from here.</source>
        <translation>중지됨: 이번 실행에서 %1건 분석, %2건 분석 불가; 같은 저장소로 폴더를 다시 분석하면 여기서 이어집니다.</translation>
    </message>
    <message>
        <source>This run: %1 analysed, %2 could not be analysed.</source>
        <translation>이번 실행: %1건 분석, %2건 분석 불가.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <source>Error: no model is loaded in the workstation to analyse the folder with.</source>
        <translation>오류: 폴더를 분석할 모델이 작업대에 로드되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Analysing with %1 into %2…</source>
        <translation>%1(으)로 %2에 분석 중…</translation>
    </message>
    <message>
        <source>Open a cohort store</source>
        <translation>코호트 저장소 열기</translation>
    </message>
    <message>
        <source>Cohort stores (*.sqlite *.db);;All files (*)</source>
        <translation>코호트 저장소 (*.sqlite *.db);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Analyse the recordings in a folder</source>
        <translation>폴더의 기록 분석</translation>
    </message>
    <message>
        <source>Cohort store (an existing one is resumed)</source>
        <translation>코호트 저장소 (기존 저장소는 이어서 진행)</translation>
    </message>
    <message>
        <source>Cohort stores (*.sqlite)</source>
        <translation>코호트 저장소 (*.sqlite)</translation>
    </message>
    <message>
        <source>by prediction</source>
        <translation>예측별</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>%1별</translation>
    </message>
    <message>
        <source>%1: %2 recordings, %3 analysed, %4 could not be analysed; model %5</source>
        <translation>%1: 기록 %2건, %3건 분석, %4건 분석 불가; 모델 %5</translation>
    </message>
</context>
<context>
    <name>execg::ComparisonPage</name>
    <message>
        <source>Model against model</source>
        <translation>모델 대 모델</translation>
    </message>
    <message>
        <source>The same recording through %1 models; each model&apos;s evidence (%2) as shares of its own total.</source>
        <translation>같은 기록을 %1개 모델로 분석; 각 모델의 근거(%2)를 자신의 총합에 대한 비율로 표시.</translation>
    </message>
    <message>
        <source>prediction: %1 · %2</source>
        <translation>예측: %1 · %2</translation>
    </message>
    <message>
        <source>%1 minus %2 (points of each model&apos;s evidence)</source>
        <translation>%1 빼기 %2 (각 모델 근거의 %p)</translation>
    </message>
    <message>
        <source>cannot paint the PDF</source>
        <translation>PDF를 그릴 수 없습니다</translation>
    </message>
</context>
<context>
    <name>execg::ComparisonView</name>
    <message>
        <source>Colour scale:</source>
        <translation>색상 척도:</translation>
    </message>
    <message>
        <source>Shared by all methods</source>
        <translation>모든 방법 공통</translation>
    </message>
    <message>
        <source>Each method its own</source>
        <translation>방법별 개별</translation>
    </message>
    <message>
        <source>Methods whose maps come in different units (a gradient per mV, an output change) may look empty on a shared scale: give each its own scale to compare where, not how much.</source>
        <translation>기여도 지도의 단위가 서로 다른 방법(mV당 기울기, 출력 변화량)은 공통 척도에서 비어 보일 수 있습니다. 방법별 개별 척도를 적용하면 크기가 아닌 위치를 비교할 수 있습니다.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>표시:</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>from</source>
        <translation>시작 시점:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Seconds from the start of the stretch the model saw</source>
        <translation>모델이 본 구간의 시작점부터의 시간(초)</translation>
    </message>
    <message>
        <source>Choose methods and run them to compare their maps here.</source>
        <translation>설명 방법을 선택하고 실행하면 여기에서 기여도 지도를 비교할 수 있습니다.</translation>
    </message>
    <message>
        <source>attribution</source>
        <translation>기여도</translation>
    </message>
    <message numerus="yes">
        <source>scale shared by %n method(s)</source>
        <translation>
            <numerusform>%n개 방법이 공유하는 척도</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>execg::ConceptTests</name>
    <message>
        <source>Load a model first.</source>
        <translation>먼저 모델을 불러오십시오.</translation>
    </message>
    <message>
        <source>Choose at least one concept.</source>
        <translation>개념을 하나 이상 선택하십시오.</translation>
    </message>
    <message numerus="yes">
        <source>Concept tests (%n concept(s))</source>
        <translation>
            <numerusform>개념 검정 (개념 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>execg::CounterfactualView</name>
    <message>
        <source>bring</source>
        <translation>대상 출력:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>목표값:</translation>
    </message>
    <message>
        <source>Find the counterfactual</source>
        <translation>반사실 심전도 찾기</translation>
    </message>
    <message>
        <source>Change the recording as little as possible, the chosen way, until the model&apos;s answer reaches the target</source>
        <translation>모델의 출력이 목표에 도달할 때까지 선택한 방식으로 기록을 최소한으로 변경합니다</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>model output</source>
        <translation>모델 출력</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>측정 항목</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>유도</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>변경 전</translation>
    </message>
    <message>
        <source>After</source>
        <translation>변경 후</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>변화량</translation>
    </message>
    <message>
        <source>Input-space counterfactual</source>
        <translation>입력 공간 반사실(counterfactual)</translation>
    </message>
    <message>
        <source>Parametric (beat) counterfactual</source>
        <translation>매개변수(박동) 반사실(counterfactual)</translation>
    </message>
    <message>
        <source>Generator (latent) counterfactual</source>
        <translation>생성기(잠재 공간) 반사실(counterfactual)</translation>
    </message>
    <message>
        <source>The recording itself changes, smoothly and band-limited, on the leads allowed to move.</source>
        <translation>변경이 허용된 유도에서 기록 자체가 매끄럽고 대역 제한된 형태로 변경됩니다.</translation>
    </message>
    <message>
        <source>The beats&apos; wave amplitudes per lead, PR, QRS, QT, P and T widths and RR intervals change, and the result says so in words.</source>
        <translation>유도별 박동의 파형 진폭, PR, QRS, QT, P파 및 T파 폭, RR 간격이 변경되며, 결과에 변경 내용이 문장으로 표시됩니다.</translation>
    </message>
    <message>
        <source>The recording&apos;s code in the model card&apos;s generator moves; the change is what the generator draws.</source>
        <translation>모델 카드에 지정된 생성기에서 기록의 잠재 코드가 이동하며, 변경 결과는 생성기가 그려낸 것입니다.</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>사용할 수 없음: %1</translation>
    </message>
    <message>
        <source>Searching …</source>
        <translation>탐색 중 …</translation>
    </message>
    <message>
        <source>No counterfactual: %1</source>
        <translation>반사실 심전도 없음: %1</translation>
    </message>
    <message>
        <source>✓ Target reached: %1 %2 → %3 %2 in %4 steps (%5 ms).</source>
        <translation>✓ 목표 도달: %1 %2 → %3 %2, %4단계 (%5 ms).</translation>
    </message>
    <message>
        <source>✗ Target NOT reached: %1 %2 → %3 %2 after %4 steps (%5 ms); the best attempt is shown.</source>
        <translation>✗ 목표 미도달: %1 %2 → %3 %2, %4단계 후 (%5 ms). 가장 근접한 결과를 표시합니다.</translation>
    </message>
    <message>
        <source>Change: mean |Δ| %1 mV, RMS %2 mV, largest %3 mV.</source>
        <translation>변화량: 평균 |Δ| %1 mV, RMS %2 mV, 최대 %3 mV.</translation>
    </message>
    <message>
        <source>What moved: %1.</source>
        <translation>변경된 항목: %1.</translation>
    </message>
    <message>
        <source>counterfactual: %1 %2</source>
        <translation>반사실 심전도: %1 %2</translation>
    </message>
</context>
<context>
    <name>execg::DisplayToolBar</name>
    <message>
        <source>Display</source>
        <translation>표시</translation>
    </message>
    <message>
        <source> Layout </source>
        <translation> 배치 </translation>
    </message>
    <message>
        <source>3×4</source>
        <translation>3×4</translation>
    </message>
    <message>
        <source>3×4 + rhythm</source>
        <translation>3×4 + 리듬</translation>
    </message>
    <message>
        <source>3×4 + 3 rhythm</source>
        <translation>3×4 + 리듬 3개</translation>
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
        <translation> 기록 속도 </translation>
    </message>
    <message>
        <source>%1 mm/s</source>
        <translation>%1 mm/s</translation>
    </message>
    <message>
        <source> Gain </source>
        <translation> 감도 </translation>
    </message>
    <message>
        <source>%1 mm/mV</source>
        <translation>%1 mm/mV</translation>
    </message>
    <message>
        <source> Grid </source>
        <translation> 격자 </translation>
    </message>
    <message>
        <source>red</source>
        <translation>빨강</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>회색</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source> Map </source>
        <translation> 기여도 지도 </translation>
    </message>
    <message>
        <source>band</source>
        <translation>띠</translation>
    </message>
    <message>
        <source>trace colour</source>
        <translation>파형 색상</translation>
    </message>
    <message>
        <source>strip</source>
        <translation>스트립</translation>
    </message>
    <message>
        <source> Colours </source>
        <translation> 색상 </translation>
    </message>
    <message>
        <source>blue–red (signed)</source>
        <translation>파랑–빨강 (부호 있음)</translation>
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
        <translation> 필터 </translation>
    </message>
    <message>
        <source>For the eye only: the model, the measurements and the report read the recording as recorded</source>
        <translation>화면 표시 전용입니다. 모델, 측정 및 보고서는 원본 기록을 그대로 사용합니다</translation>
    </message>
    <message>
        <source>as recorded</source>
        <translation>원본 그대로</translation>
    </message>
    <message>
        <source>diagnostic 0.05–150 Hz</source>
        <translation>진단용 0.05–150 Hz</translation>
    </message>
    <message>
        <source>monitoring 0.5–40 Hz</source>
        <translation>모니터링용 0.5–40 Hz</translation>
    </message>
    <message>
        <source> Mains </source>
        <translation> 전원 잡음 </translation>
    </message>
    <message>
        <source>no notch</source>
        <translation>노치 없음</translation>
    </message>
    <message>
        <source>50 Hz notch</source>
        <translation>50 Hz 노치</translation>
    </message>
    <message>
        <source>60 Hz notch</source>
        <translation>60 Hz 노치</translation>
    </message>
    <message>
        <source> Detail </source>
        <translation> 세부 </translation>
    </message>
    <message>
        <source>How the map is drawn, for the eye only: gradient maps are spiky, so they are smoothed over a few milliseconds, or each wave&apos;s share of the evidence is painted over the wave. The stored map, the evidence tables and the exported results are never smoothed.</source>
        <translation>지도를 그리는 방식이며 눈으로 보기 위한 것일 뿐입니다. 기울기 지도는 뾰족하므로 몇 밀리초에 걸쳐 평활화하거나, 각 파형이 차지하는 근거 비율을 파형 위에 칠합니다. 저장된 지도, 근거 표, 내보낸 결과는 평활화되지 않습니다.</translation>
    </message>
    <message>
        <source>as computed</source>
        <translation>계산된 그대로</translation>
    </message>
    <message>
        <source>smoothed %1 ms</source>
        <translation>%1 ms 평활화</translation>
    </message>
    <message>
        <source>per wave</source>
        <translation>파형별</translation>
    </message>
</context>
<context>
    <name>execg::EvidenceView</name>
    <message>
        <source>Share of the evidence per lead and wave:</source>
        <translation>유도 및 파형별 근거 비율:</translation>
    </message>
    <message>
        <source>Run a method to see where its evidence lies.</source>
        <translation>설명 방법을 실행하면 근거가 어디에 있는지 확인할 수 있습니다.</translation>
    </message>
    <message>
        <source>No evidence: the map is zero.</source>
        <translation>근거 없음: 기여도 지도가 0입니다.</translation>
    </message>
    <message>
        <source>lead total</source>
        <translation>유도 합계</translation>
    </message>
    <message>
        <source>all leads</source>
        <translation>전체 유도</translation>
    </message>
</context>
<context>
    <name>execg::ExplainerPanel</name>
    <message>
        <source>queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>done (cached)</source>
        <translation>완료 (캐시)</translation>
    </message>
    <message>
        <source>done, %1 ms</source>
        <translation>완료, %1 ms</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Methods (tick several to compare):</source>
        <translation>설명 방법 (여러 개를 선택하여 비교):</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Explain the current case with the ticked methods (results already computed come from the cache)</source>
        <translation>선택한 방법으로 현재 증례를 설명합니다 (이미 계산된 결과는 캐시에서 가져옵니다)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>취소(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the methods still running; their partial results are discarded</source>
        <translation>실행 중인 방법을 중지합니다. 부분 결과는 폐기됩니다</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>진행률</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>execg::LeadFocusView</name>
    <message>
        <source>Lead:</source>
        <translation>유도:</translation>
    </message>
    <message>
        <source>drag to pan, wheel to zoom in time; maps scaled to their own 99th percentile</source>
        <translation>드래그하여 이동, 휠로 시간축 확대/축소. 각 기여도 지도는 자체 99번째 백분위수 기준으로 표시</translation>
    </message>
    <message>
        <source>mV</source>
        <translation>mV</translation>
    </message>
    <message>
        <source>attribution (relative)</source>
        <translation>기여도 (상대값)</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>시간 (s)</translation>
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
        <translation>차트 위에 기여도 지도를 표시할 설명 방법</translation>
    </message>
    <message>
        <source>Map on the chart:</source>
        <translation>차트의 기여도 지도:</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Compare methods</source>
        <translation>방법 비교</translation>
    </message>
    <message>
        <source>Evidence by lead and wave</source>
        <translation>유도 및 파형별 근거</translation>
    </message>
    <message>
        <source>Measurements and median beats</source>
        <translation>측정값 및 중앙값 박동</translation>
    </message>
    <message>
        <source>Counterfactual</source>
        <translation>반사실 심전도</translation>
    </message>
    <message>
        <source>Concepts (TCAV)</source>
        <translation>개념 (TCAV)</translation>
    </message>
    <message>
        <source>All leads (scroll)</source>
        <translation>전체 유도 (스크롤)</translation>
    </message>
    <message>
        <source>Model %1 loaded</source>
        <translation>모델 %1을(를) 불러왔습니다</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>Could not export %1
%2</source>
        <translation>%1을(를) 내보낼 수 없습니다
%2</translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation>작업 목록</translation>
    </message>
    <message>
        <source>Model and prediction</source>
        <translation>모델 및 예측</translation>
    </message>
    <message>
        <source>Explanation methods</source>
        <translation>설명 방법</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>폴더 열기(&amp;F)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open the &amp;demo case</source>
        <translation>데모 증례 열기(&amp;D)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Export PDF &amp;report…</source>
        <translation>PDF 보고서 내보내기(&amp;R)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export the &amp;view as PNG or SVG…</source>
        <translation>현재 보기를 PNG 또는 SVG로 내보내기(&amp;V)…</translation>
    </message>
    <message>
        <source>Export the results as &amp;JSON…</source>
        <translation>결과를 JSON으로 내보내기(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>증례(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Next case</source>
        <translation>다음 증례(&amp;N)</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>&amp;Previous case</source>
        <translation>이전 증례(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>차트(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>C&amp;ompare methods</source>
        <translation>방법 비교(&amp;O)</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Evidence by lead and wave</source>
        <translation>유도 및 파형별 근거(&amp;E)</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>&amp;Measurements and median beats</source>
        <translation>측정값 및 중앙값 박동(&amp;M)</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>Co&amp;unterfactual</source>
        <translation>반사실 심전도(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+5</source>
        <translation>Ctrl+5</translation>
    </message>
    <message>
        <source>Co&amp;ncepts (TCAV)</source>
        <translation>개념 (TCAV)(&amp;N)</translation>
    </message>
    <message>
        <source>Ctrl+6</source>
        <translation>Ctrl+6</translation>
    </message>
    <message>
        <source>&amp;All leads</source>
        <translation>전체 유도(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+7</source>
        <translation>Ctrl+7</translation>
    </message>
    <message>
        <source>C&amp;alipers (or Shift+drag)</source>
        <translation>캘리퍼 (또는 Shift+드래그)(&amp;A)</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>테마(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>밝게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>어둡게(&amp;D)</translation>
    </message>
    <message>
        <source>La&amp;nguage</source>
        <translation>언어(&amp;N)</translation>
    </message>
    <message>
        <source>The language changes at the next start of ExECG Studio.</source>
        <translation>언어는 ExECG Studio를 다음에 시작할 때 변경됩니다.</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;True size</source>
        <translation>실제 크기(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+0</source>
        <translation>Ctrl+Shift+0</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>분석(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Run the chosen methods</source>
        <translation>선택한 방법 실행(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Cancel running methods</source>
        <translation>실행 중인 방법 취소(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>Assess &amp;quality</source>
        <translation>품질 평가(&amp;Q)</translation>
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
        <translation>%1 (%2): %3 ms 만에 읽음, %4 ms 후 차트 표시</translation>
    </message>
    <message numerus="yes">
        <source> — %n warning(s): </source>
        <translation>
            <numerusform> — 경고 %n개: </numerusform>
        </translation>
    </message>
    <message>
        <source>Could not open %1
%2</source>
        <translation>%1을(를) 열 수 없습니다
%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>PDF 보고서 내보내기</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>보기 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation>결과 내보내기</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export the counterfactual</source>
        <translation>반사실 심전도 내보내기</translation>
    </message>
    <message>
        <source>ECG recordings (%1);;All files (*)</source>
        <translation>심전도 기록 (%1);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open ECG recordings</source>
        <translation>심전도 기록 열기</translation>
    </message>
    <message>
        <source>Open a folder of ECG recordings</source>
        <translation>심전도 기록 폴더 열기</translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation>비식별화됨</translation>
    </message>
    <message>
        <source>Teaching mode: names, IDs, dates and free text are removed on screen and in every export</source>
        <translation>교육 모드: 이름, ID, 날짜 및 자유 텍스트가 화면과 모든 내보내기에서 제거됩니다</translation>
    </message>
    <message>
        <source>&amp;Teaching</source>
        <translation>교육(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;De-identify cases</source>
        <translation>증례 비식별화(&amp;D)</translation>
    </message>
    <message>
        <source>hidden until revealed</source>
        <translation>공개 전까지 숨김</translation>
    </message>
    <message>
        <source>Blind mode: the model&apos;s answer is hidden until it is revealed</source>
        <translation>블라인드 모드: 모델의 답은 공개될 때까지 숨겨집니다</translation>
    </message>
    <message>
        <source>Export the &amp;counterfactual as a recording…</source>
        <translation>반사실 심전도를 기록 파일로 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>%1 recording (%2)</source>
        <translation>%1 기록 (%2)</translation>
    </message>
    <message>
        <source>Co&amp;hort…</source>
        <translation>코호트(&amp;H)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>Not recorded in the audit log: %1</source>
        <translation>감사 기록에 남지 않음: %1</translation>
    </message>
    <message>
        <source>Record analyses in the &amp;audit log</source>
        <translation>분석을 감사 기록에 남기기(&amp;A)</translation>
    </message>
    <message>
        <source>Audit &amp;log…</source>
        <translation>감사 로그(&amp;L)…</translation>
    </message>
    <message>
        <source>Compare &amp;models…</source>
        <translation>모델 비교(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>execg::MeasurementsView</name>
    <message>
        <source>Measurement</source>
        <translation>측정 항목</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>문제</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>측정되지 않음</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>Median beats, 50 mm/s</source>
        <translation>중앙값 박동, 50 mm/s</translation>
    </message>
    <message>
        <source> — %1 averaged over the aligned beats</source>
        <translation> — 정렬된 박동에 대해 평균한 %1</translation>
    </message>
</context>
<context>
    <name>execg::ModelComparisonSession</name>
    <message>
        <source>%1: nothing to export yet — compare the models first</source>
        <translation>%1: 아직 내보낼 것이 없습니다 — 먼저 모델을 비교하십시오</translation>
    </message>
</context>
<context>
    <name>execg::ModelComparisonView</name>
    <message>
        <source>Model against model — ExECG Studio</source>
        <translation>모델 대 모델 — ExECG Studio</translation>
    </message>
    <message>
        <source>Other model…</source>
        <translation>다른 모델…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF 내보내기…</translation>
    </message>
    <message>
        <source>against</source>
        <translation>대</translation>
    </message>
    <message>
        <source>Points of each model&apos;s own evidence: the second model&apos;s share in that lead and wave minus the first model&apos;s (red: the second relies on it more, blue: less)</source>
        <translation>각 모델 자신의 근거에 대한 %p: 해당 유도와 파형에서 두 번째 모델의 비율 빼기 첫 번째 모델의 비율 (빨강: 두 번째가 더 의존, 파랑: 덜 의존)</translation>
    </message>
    <message>
        <source>Export the comparison</source>
        <translation>비교 내보내기</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The models could not be compared: %1</source>
        <translation>모델을 비교할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 (the case&apos;s model)</source>
        <translation>%1 (사례의 모델)</translation>
    </message>
    <message>
        <source>%1 with %2: choose the model to compare it with.</source>
        <translation>%1, %2: 비교할 모델을 고르십시오.</translation>
    </message>
    <message>
        <source>Running %1 with both models …</source>
        <translation>두 모델로 %1 실행 중 …</translation>
    </message>
    <message>
        <source>Compare with a model</source>
        <translation>모델과 비교</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt)</source>
        <translation>TorchScript 모델 (*.pt)</translation>
    </message>
    <message>
        <source>% of each model&apos;s evidence; one scale for all</source>
        <translation>각 모델 근거의 %; 모두 같은 척도</translation>
    </message>
    <message>
        <source>%1 against %2 on %3, %4: points of each model&apos;s own evidence, second minus first.</source>
        <translation>%3에서 %1 대 %2, %4: 각 모델 자신의 근거에 대한 %p, 두 번째 빼기 첫 번째.</translation>
    </message>
</context>
<context>
    <name>execg::ModelPanel</name>
    <message>
        <source>Other…</source>
        <translation>기타…</translation>
    </message>
    <message>
        <source>Open a TorchScript model (.pt) with its model card (.card.json) beside it</source>
        <translation>모델 카드(.card.json)가 같은 폴더에 있는 TorchScript 모델(.pt)을 엽니다</translation>
    </message>
    <message>
        <source>Explain:</source>
        <translation>설명 대상:</translation>
    </message>
    <message>
        <source>The model output the explanations are computed for</source>
        <translation>설명을 계산할 모델 출력</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>모델 열기</translation>
    </message>
    <message>
        <source>TorchScript models (*.pt)</source>
        <translation>TorchScript 모델 (*.pt)</translation>
    </message>
    <message>
        <source>No model loaded.</source>
        <translation>불러온 모델이 없습니다.</translation>
    </message>
    <message>
        <source>Demo model trained on synthetic ECGs — not for clinical use</source>
        <translation>합성 심전도로 학습된 데모 모델 — 임상 사용 불가</translation>
    </message>
    <message>
        <source>the predicted output</source>
        <translation>예측된 출력</translation>
    </message>
    <message>
        <source>Predicting …</source>
        <translation>예측 중 …</translation>
    </message>
    <message>
        <source>The model&apos;s answer is hidden until the presenter reveals it (Teaching ▸ Reveal).</source>
        <translation>발표자가 공개할 때까지 모델의 답이 숨겨집니다 (교육 ▸ 공개).</translation>
    </message>
    <message>
        <source>Model card: intended use and limitations</source>
        <translation>모델 카드: 사용 목적과 한계</translation>
    </message>
    <message>
        <source>Lead:</source>
        <translation>유도:</translation>
    </message>
    <message>
        <source>The recording&apos;s lead the single-lead model reads</source>
        <translation>단일 유도 모델이 읽는 기록의 유도</translation>
    </message>
    <message>
        <source>%1 (the model&apos;s)</source>
        <translation>%1 (모델의 유도)</translation>
    </message>
    <message>
        <source>from lead %1</source>
        <translation>유도 %1 기준</translation>
    </message>
    <message>
        <source>How far the prediction moves when the recording varies as recordings do: noise at its own level, baseline wander, the window a beat later or earlier, and MC dropout where the model has dropout layers. The interval holds 90 % of the varied predictions; a referral is raised when it crosses the model card&apos;s decision threshold.</source>
        <translation>기록이 실제 기록처럼 변할 때 예측이 얼마나 움직이는지: 기록 자체 수준의 잡음, 기저선 변동, 한 박동 늦거나 이른 창, 그리고 모델에 드롭아웃 층이 있으면 MC 드롭아웃. 구간은 변형된 예측의 90 %를 담으며, 모델 카드의 결정 임계값을 가로지르면 의뢰가 권고됩니다.</translation>
    </message>
    <message>
        <source>Stability not assessed: %1</source>
        <translation>안정성을 평가하지 못함: %1</translation>
    </message>
    <message>
        <source>Checking how stable the prediction is …</source>
        <translation>예측이 얼마나 안정적인지 확인하는 중 …</translation>
    </message>
    <message>
        <source>unstable: %1%2 (%3–%4) — refer to a physician</source>
        <translation>불안정: %1%2 (%3–%4) — 의사에게 의뢰하십시오</translation>
    </message>
    <message>
        <source>stable: %1%2 (%3–%4)</source>
        <translation>안정: %1%2 (%3–%4)</translation>
    </message>
    <message>
        <source> (shorter recordings at their own length, from %1 s)</source>
        <translation> (더 짧은 기록은 자체 길이로, %1 s부터)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;input: %3 leads at %4 Hz, %5 samples (%6 s)%7, %8&lt;br&gt;&lt;i&gt;Intended use:&lt;/i&gt; %9&lt;br&gt;&lt;i&gt;Limitations:&lt;/i&gt; %10</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2&lt;br&gt;입력: %3개 유도, %4 Hz, %5 샘플 (%6 s)%7, %8&lt;br&gt;&lt;i&gt;사용 목적:&lt;/i&gt; %9&lt;br&gt;&lt;i&gt;제한 사항:&lt;/i&gt; %10</translation>
    </message>
</context>
<context>
    <name>execg::PaperChartView</name>
    <message>
        <source>No recording open</source>
        <translation>열린 기록이 없습니다</translation>
    </message>
    <message>
        <source>%1 mm/s · %2 mm/mV · %3 % of true size</source>
        <translation>%1 mm/s · %2 mm/mV · 실제 크기의 %3 %</translation>
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
        <translation>이 방법에는 매개변수가 없습니다.</translation>
    </message>
    <message>
        <source>(the card&apos;s layer)</source>
        <translation>(모델 카드에 지정된 레이어)</translation>
    </message>
    <message>
        <source>(choose a layer: the model has no card)</source>
        <translation>(레이어 선택: 모델에 카드가 없음)</translation>
    </message>
</context>
<context>
    <name>execg::PresenterWindow</name>
    <message>
        <source>ExECG Studio — presenter view</source>
        <translation>ExECG Studio — 발표자 보기</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>Previous case (←)</source>
        <translation>이전 증례 (←)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>Next case (→)</source>
        <translation>다음 증례 (→)</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>공개</translation>
    </message>
    <message>
        <source>Show the model&apos;s answer and map (R)</source>
        <translation>모델의 답과 기여도 지도를 표시합니다 (R)</translation>
    </message>
    <message>
        <source>Pointer</source>
        <translation>포인터</translation>
    </message>
    <message>
        <source>A large dot that follows the mouse</source>
        <translation>마우스를 따라 움직이는 큰 점</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>펜</translation>
    </message>
    <message>
        <source>Draw on the chart</source>
        <translation>차트 위에 그리기</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>구간 표시</translation>
    </message>
    <message>
        <source>Mark a stretch of a lead (the quiz)</source>
        <translation>유도의 한 구간을 표시합니다 (퀴즈)</translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>Pan and measure</source>
        <translation>이동 및 측정</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Remove the last stroke</source>
        <translation>마지막 획을 지웁니다</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <source>Remove the drawings and marks of this case</source>
        <translation>이 증례의 그림과 표시를 모두 지웁니다</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>나가기</translation>
    </message>
    <message>
        <source>Back to the workstation (Esc)</source>
        <translation>워크스테이션으로 돌아가기 (Esc)</translation>
    </message>
    <message>
        <source>No case open</source>
        <translation>열린 증례가 없습니다</translation>
    </message>
    <message>
        <source>Case %1 of %2 — %3</source>
        <translation>증례 %1 / %2 — %3</translation>
    </message>
    <message>
        <source>The model&apos;s answer is hidden. Reveal it with R.</source>
        <translation>모델의 답이 숨겨져 있습니다. R 키를 눌러 공개하십시오.</translation>
    </message>
</context>
<context>
    <name>execg::QualityPanel</name>
    <message>
        <source>Assess &amp;quality</source>
        <translation>품질 평가(&amp;Q)</translation>
    </message>
    <message>
        <source>Score every finished map: deletion against a random map, the randomisation sanity check, stability under noise and baseline drift, agreement, and localisation on synthetic cases (about a second per method)</source>
        <translation>완료된 모든 기여도 지도를 평가합니다: 무작위 지도 대비 삭제 검사, 무작위화 타당성 검사, 잡음 및 기저선 변동에 대한 안정성, 방법 간 일치도, 합성 증례에서의 위치 정확도 (방법당 약 1초)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>Faithfulness</source>
        <translation>충실도</translation>
    </message>
    <message>
        <source>Sanity</source>
        <translation>타당성</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>안정성</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>일치도</translation>
    </message>
    <message>
        <source>Localisation</source>
        <translation>위치 정확도</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
    <message>
        <source>Deletion gain over a random map: ≥ 0.1 faithful, about 0 no better than random</source>
        <translation>무작위 지도 대비 삭제 이득: 0.1 이상이면 충실, 0에 가까우면 무작위와 차이 없음</translation>
    </message>
    <message>
        <source>Cascading model randomisation: a map that survives it does not explain this model</source>
        <translation>단계적 모델 무작위화: 무작위화 후에도 유지되는 지도는 이 모델을 설명하지 않습니다</translation>
    </message>
    <message>
        <source>Average sensitivity to 10 µV noise and slow baseline drift (relative change of the map; lower is steadier)</source>
        <translation>10 µV 잡음 및 느린 기저선 변동에 대한 평균 민감도 (지도의 상대 변화량, 낮을수록 안정적)</translation>
    </message>
    <message>
        <source>Mean rank correlation with the other methods&apos; maps</source>
        <translation>다른 방법의 기여도 지도와의 평균 순위 상관</translation>
    </message>
    <message>
        <source>Share of the map in the waves that carry the label, against chance (synthetic cases only)</source>
        <translation>레이블을 나타내는 파형에 속한 기여도의 비율, 우연 수준과 비교 (합성 증례만 해당)</translation>
    </message>
    <message>
        <source>Ground truth: %1 (synthetic case; localisation is measured)</source>
        <translation>정답: %1 (합성 증례, 위치 정확도를 측정합니다)</translation>
    </message>
    <message>
        <source>No ground truth for this case: localisation is not measured.</source>
        <translation>이 증례에는 정답이 없어 위치 정확도를 측정하지 않습니다.</translation>
    </message>
    <message>
        <source>no map yet</source>
        <translation>아직 기여도 지도 없음</translation>
    </message>
    <message>
        <source>assessing … %1 %</source>
        <translation>평가 중 … %1 %</translation>
    </message>
    <message>
        <source>could not be assessed: %1</source>
        <translation>평가할 수 없음: %1</translation>
    </message>
    <message>
        <source>assessment cancelled</source>
        <translation>평가 취소됨</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>평가되지 않음</translation>
    </message>
    <message>
        <source>gain %1</source>
        <translation>이득 %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>%1 % (chance %2 %)</source>
        <translation>%1 % (우연 수준 %2 %)</translation>
    </message>
    <message>
        <source>⚠ do not trust: %1</source>
        <translation>⚠ 신뢰하지 마십시오: %1</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>no warnings</source>
        <translation>경고 없음</translation>
    </message>
</context>
<context>
    <name>execg::RecordingView</name>
    <message>
        <source>Open an ECG recording (File ▸ Open, or drop a file here).</source>
        <translation>심전도 기록을 여십시오 (파일 ▸ 열기, 또는 여기에 파일을 끌어다 놓기).</translation>
    </message>
    <message>
        <source>%1 mm/s · %2 mm/mV · from %3 s</source>
        <translation>%1 mm/s · %2 mm/mV · %3 s부터</translation>
    </message>
</context>
<context>
    <name>execg::ReportPages</name>
    <message>
        <source>ExECG Studio report</source>
        <translation>ExECG Studio 보고서</translation>
    </message>
    <message>
        <source>Demo model trained on synthetic ECGs — not for clinical use</source>
        <translation>합성 심전도로 학습된 데모 모델 — 임상 사용 불가</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, 버전 %2</translation>
    </message>
    <message>
        <source>Intended use: %1</source>
        <translation>사용 목적: %1</translation>
    </message>
    <message>
        <source>Limitations: %1</source>
        <translation>제한 사항: %1</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>Explained output: %1</source>
        <translation>설명 대상 출력: %1</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>측정값</translation>
    </message>
    <message>
        <source>Explanations</source>
        <translation>설명</translation>
    </message>
    <message>
        <source>no evidence</source>
        <translation>근거 없음</translation>
    </message>
    <message>
        <source>Comparison: lead %1, %2</source>
        <translation>비교: 유도 %1, %2</translation>
    </message>
    <message>
        <source>The lead where the methods together put most of their evidence; every method on the same time axis, %1 mm/s, %2 mm/mV.</source>
        <translation>여러 방법이 종합적으로 가장 많은 근거를 둔 유도입니다. 모든 방법을 같은 시간축에 표시합니다 (%1 mm/s, %2 mm/mV).</translation>
    </message>
    <message>
        <source>Explanation quality</source>
        <translation>설명 품질</translation>
    </message>
    <message>
        <source>How far to trust each map: deletion gain (removing what the map ranks highest changes the output sooner than removing random segments: &gt; 0.1 faithful), the model-randomisation sanity check, stability under 10 µV noise and 0.05 mV baseline drift (relative change; &lt; 0.1 stable), mean rank agreement with the other methods, and where the recording is synthetic the share of evidence in the waves that carry the label.</source>
        <translation>각 기여도 지도의 신뢰 정도: 삭제 이득 (지도가 가장 높게 평가한 부분을 제거하면 무작위 구간을 제거할 때보다 출력이 더 빨리 변함: &gt; 0.1이면 충실), 모델 무작위화 타당성 검사, 10 µV 잡음 및 0.05 mV 기저선 변동에 대한 안정성 (상대 변화량: &lt; 0.1이면 안정), 다른 방법과의 평균 순위 일치도, 그리고 합성 기록인 경우 레이블을 나타내는 파형에 속한 근거의 비율.</translation>
    </message>
    <message>
        <source>method</source>
        <translation>방법</translation>
    </message>
    <message>
        <source>faithfulness</source>
        <translation>충실도</translation>
    </message>
    <message>
        <source>sanity</source>
        <translation>타당성</translation>
    </message>
    <message>
        <source>stability</source>
        <translation>안정성</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>일치도</translation>
    </message>
    <message>
        <source>localisation</source>
        <translation>위치 정확도</translation>
    </message>
    <message>
        <source>no ground truth</source>
        <translation>정답 없음</translation>
    </message>
    <message>
        <source>Reproducibility</source>
        <translation>재현성</translation>
    </message>
    <message>
        <source>Software</source>
        <translation>소프트웨어</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>model file</source>
        <translation>모델 파일</translation>
    </message>
    <message>
        <source>model SHA-256</source>
        <translation>모델 SHA-256</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>recording SHA-256</source>
        <translation>기록 SHA-256</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>전처리</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>설명 방법</translation>
    </message>
    <message>
        <source>%1 · %2 ms · %3</source>
        <translation>%1 · %2 ms · %3</translation>
    </message>
    <message>
        <source> · seed %1</source>
        <translation> · 시드 %1</translation>
    </message>
    <message>
        <source>one colour scale for every method</source>
        <translation>모든 방법에 하나의 색상 척도</translation>
    </message>
    <message>
        <source>one fixed colour scale</source>
        <translation>하나의 고정 색상 척도</translation>
    </message>
    <message>
        <source>each method on its own colour scale</source>
        <translation>방법별 개별 색상 척도</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>%1 / %2쪽</translation>
    </message>
    <message>
        <source>Demo model — not for clinical use</source>
        <translation>데모 모델 — 임상 사용 불가</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>감사 추적</translation>
    </message>
    <message>
        <source>This analysis is not in the audit log: %1</source>
        <translation>이 분석은 감사 로그에 없습니다: %1</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>항목</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2의 %1</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>기록됨</translation>
    </message>
    <message>
        <source>%1 UTC by %2 on %3</source>
        <translation>%1 UTC, %3의 %2</translation>
    </message>
    <message>
        <source>entry hash</source>
        <translation>항목 해시</translation>
    </message>
    <message>
        <source>results SHA-256</source>
        <translation>결과 SHA-256</translation>
    </message>
    <message>
        <source>execg-cli audit verify --log %1 checks that this entry and every one before it are unchanged.</source>
        <translation>execg-cli audit verify --log %1 은 이 항목과 그 이전의 모든 항목이 변경되지 않았는지 검사합니다.</translation>
    </message>
    <message>
        <source>Under the recording&apos;s own variation (%1 draws): %2</source>
        <translation>기록 자체의 변동 아래 (%1회 추출): %2</translation>
    </message>
    <message>
        <source>decision threshold %1 %2 (model card); 90 % interval of the %3</source>
        <translation>결정 임계값 %1 %2 (모델 카드); %3의 90 % 구간</translation>
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
        <translation>뾰족한 T파</translation>
    </message>
    <message>
        <source>Inverted T</source>
        <translation>역위 T파</translation>
    </message>
    <message>
        <source>Flat T</source>
        <translation>평탄한 T파</translation>
    </message>
    <message>
        <source>Wide QRS</source>
        <translation>넓은 QRS</translation>
    </message>
    <message>
        <source>Prolonged PR</source>
        <translation>PR 연장</translation>
    </message>
    <message>
        <source>Atrial fibrillation</source>
        <translation>심방세동</translation>
    </message>
    <message>
        <source>ST elevation</source>
        <translation>ST 분절 상승</translation>
    </message>
    <message>
        <source>Low QRS voltage</source>
        <translation>QRS 저전압</translation>
    </message>
    <message>
        <source>Sinus tachycardia</source>
        <translation>동성 빈맥</translation>
    </message>
    <message>
        <source>Sinus bradycardia</source>
        <translation>동성 서맥</translation>
    </message>
    <message>
        <source>Long QT</source>
        <translation>QT 연장</translation>
    </message>
    <message>
        <source>Random (control)</source>
        <translation>무작위 (대조군)</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>개념</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>폴더 추가…</translation>
    </message>
    <message>
        <source>Add label column…</source>
        <translation>레이블 열 추가…</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>CAVs per concept and layer, each against its own random set; 20 or more for a clear test</source>
        <translation>개념 및 레이어별 CAV 수 (각각 고유한 무작위 세트와 비교). 명확한 검정을 위해 20개 이상 권장</translation>
    </message>
    <message>
        <source>ECGs per built-in set; the random pool holds three times as many</source>
        <translation>기본 제공 세트당 심전도 수. 무작위 풀에는 그 3배가 포함됩니다</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행 횟수</translation>
    </message>
    <message>
        <source>ECGs per set</source>
        <translation>세트당 심전도 수</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Inputs: ordinary synthetic patients</source>
        <translation>입력: 일반 합성 환자</translation>
    </message>
    <message>
        <source>Inputs from a folder…</source>
        <translation>폴더에서 입력…</translation>
    </message>
    <message>
        <source>Test the concepts</source>
        <translation>개념 검정</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>TCAV score (share of inputs whose output rises along the concept)</source>
        <translation>TCAV 점수 (개념 방향으로 출력이 증가하는 입력의 비율)</translation>
    </message>
    <message>
        <source>Concept</source>
        <translation>개념</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>95 % CI</source>
        <translation>95 % 신뢰구간</translation>
    </message>
    <message>
        <source>Random CAVs</source>
        <translation>무작위 CAV</translation>
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
        <translation>CAV 정확도</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
    <message>
        <source>Inputs: a folder of ECGs</source>
        <translation>입력: 심전도 폴더</translation>
    </message>
    <message>
        <source>Inputs: %1</source>
        <translation>입력: %1</translation>
    </message>
    <message>
        <source>A concept: a folder of ECGs that show it</source>
        <translation>개념: 해당 개념을 보이는 심전도 폴더</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>폴더: %1</translation>
    </message>
    <message>
        <source>A label table (file name, then 0/1 concept columns)</source>
        <translation>레이블 표 (파일 이름, 이어서 0/1 개념 열)</translation>
    </message>
    <message>
        <source>Label tables (*.csv)</source>
        <translation>레이블 표 (*.csv)</translation>
    </message>
    <message>
        <source>Concept column</source>
        <translation>개념 열</translation>
    </message>
    <message>
        <source>Column whose 1s are the concept:</source>
        <translation>값 1이 개념을 나타내는 열:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Testing the concepts …</source>
        <translation>개념 검정 중 …</translation>
    </message>
    <message>
        <source>Choose concepts and layers, then test them.</source>
        <translation>개념과 레이어를 선택한 후 검정하십시오.</translation>
    </message>
    <message>
        <source>No concept test: %1</source>
        <translation>개념 검정 불가: %1</translation>
    </message>
    <message>
        <source>random CAVs (mean)</source>
        <translation>무작위 CAV (평균)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 (레이어 %2)</translation>
    </message>
    <message>
        <source>%1 inputs, %2 runs, seed %3, target %4. Significant after Holm&apos;s correction: %5. Activations computed for %6 sets, %7 from the cache; %8 s.</source>
        <translation>입력 %1개, 실행 %2회, 시드 %3, 대상 %4. Holm 보정 후 유의: %5. %6개 세트의 활성값 계산, %7개는 캐시에서 가져옴. %8 s.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Random ECGs from a folder…</source>
        <translation>폴더에서 무작위 심전도…</translation>
    </message>
    <message>
        <source>Ordinary ECGs to draw the random sets from. A concept read from files needs random ECGs read from files: against generated ones a CAV can tell them apart by origin alone</source>
        <translation>무작위 세트를 뽑을 일반 심전도. 파일에서 읽은 개념에는 파일에서 읽은 무작위 심전도가 필요합니다: 생성된 심전도와 비교하면 CAV가 출처만으로 둘을 구별할 수 있습니다</translation>
    </message>
    <message>
        <source>Random ECGs: a folder of ordinary ECGs</source>
        <translation>무작위 심전도: 일반 심전도 폴더</translation>
    </message>
    <message>
        <source>Random ECGs: ordinary synthetic patients</source>
        <translation>무작위 심전도: 일반 합성 환자</translation>
    </message>
    <message>
        <source>Random ECGs: %1</source>
        <translation>무작위 심전도: %1</translation>
    </message>
    <message>
        <source>Irregular RR (P waves kept)</source>
        <translation>불규칙한 RR (P파 유지)</translation>
    </message>
    <message>
        <source>No P wave (regular rhythm)</source>
        <translation>P파 없음 (규칙적 리듬)</translation>
    </message>
    <message>
        <source>%1 — the application&apos;s concepts are ticked instead</source>
        <translation>%1 — 대신 애플리케이션의 개념이 선택되었습니다</translation>
    </message>
    <message>
        <source>unreliable CAV (near chance, or mixed origins)</source>
        <translation>신뢰할 수 없는 CAV (우연 수준 또는 출처 혼합)</translation>
    </message>
</context>
<context>
    <name>execg::TeachingControls</name>
    <message>
        <source>Teaching</source>
        <translation>교육</translation>
    </message>
    <message>
        <source>&amp;Blind mode: hide the model&apos;s answer</source>
        <translation>블라인드 모드: 모델의 답 숨기기(&amp;B)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>Each case opens with the prediction and the explanations hidden until you reveal them</source>
        <translation>각 증례를 열 때 예측과 설명이 공개 전까지 숨겨집니다</translation>
    </message>
    <message>
        <source>&amp;Quiz: learners mark the leads first</source>
        <translation>퀴즈: 학습자가 먼저 유도 구간 표시(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <source>Answer hidden; mark the stretches of the leads you think drive the diagnosis, then reveal the model&apos;s map and the overlap score</source>
        <translation>답이 숨겨집니다. 진단을 결정한다고 생각하는 유도 구간을 표시한 다음, 모델의 기여도 지도와 겹침 점수를 공개하십시오</translation>
    </message>
    <message>
        <source>&amp;Reveal the answer</source>
        <translation>답 공개(&amp;R)</translation>
    </message>
    <message>
        <source>F6</source>
        <translation>F6</translation>
    </message>
    <message>
        <source>&amp;Hide the answer again</source>
        <translation>답 다시 숨기기(&amp;H)</translation>
    </message>
    <message>
        <source>Shift+F6</source>
        <translation>Shift+F6</translation>
    </message>
    <message>
        <source>&amp;Navigate and measure</source>
        <translation>탐색 및 측정(&amp;N)</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>&amp;Mark leads (drag along a lead)</source>
        <translation>유도 구간 표시 (유도를 따라 드래그)(&amp;M)</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>&amp;Pen</source>
        <translation>펜(&amp;P)</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>P&amp;ointer</source>
        <translation>포인터(&amp;O)</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>&amp;Undo the last stroke</source>
        <translation>마지막 획 실행 취소(&amp;U)</translation>
    </message>
    <message>
        <source>Clear the &amp;marks</source>
        <translation>표시 지우기(&amp;M)</translation>
    </message>
    <message>
        <source>Clear the &amp;drawings</source>
        <translation>그림 지우기(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Presenter view</source>
        <translation>발표자 보기(&amp;P)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>&amp;Open a teaching session…</source>
        <translation>교육 세션 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save the teaching session…</source>
        <translation>교육 세션 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export a teaching bundle…</source>
        <translation>교육용 묶음 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Blind</source>
        <translation>블라인드</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>퀴즈</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>공개</translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation>탐색</translation>
    </message>
    <message>
        <source>Mark</source>
        <translation>구간 표시</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>펜</translation>
    </message>
    <message>
        <source>Pointer</source>
        <translation>포인터</translation>
    </message>
    <message>
        <source>Quiz: choose a map for the chart to score the marks against</source>
        <translation>퀴즈: 표시한 구간을 채점할 기준으로 차트의 기여도 지도를 선택하십시오</translation>
    </message>
    <message>
        <source>Quiz: overlap score %1 / 100 · your marks hold %2 % of the evidence (%3) on %4 % of the ECG</source>
        <translation>퀴즈: 겹침 점수 %1 / 100 · 표시한 구간이 심전도의 %4 %에서 근거의 %2 % (%3)를 차지합니다</translation>
    </message>
    <message>
        <source>Overlap score: the Dice overlap between your marks and the fewest samples that hold half of the model&apos;s evidence (100: the same samples). Marks placed at random would hold about as much evidence as the share of the ECG they cover.</source>
        <translation>겹침 점수: 표시한 구간과, 모델 근거의 절반을 차지하는 최소 샘플 집합 사이의 Dice 겹침 (100: 동일한 샘플). 무작위로 표시한 구간은 심전도에서 차지하는 비율과 비슷한 만큼의 근거를 포함합니다.</translation>
    </message>
    <message>
        <source>Could not save the session
%1</source>
        <translation>세션을 저장할 수 없습니다
%1</translation>
    </message>
    <message>
        <source>Saved the session %1</source>
        <translation>세션 %1을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>Could not open the session
%1</source>
        <translation>세션을 열 수 없습니다
%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n file(s) of this session are missing and were left out:
%2</source>
        <translation>
            <numerusform>%1: 이 세션의 파일 %n개가 없어 제외되었습니다:
%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the teaching bundle %1</source>
        <translation>교육용 묶음 %1 저장 중</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: 취소됨</translation>
    </message>
    <message>
        <source>Could not export the teaching bundle
%1</source>
        <translation>교육용 묶음을 내보낼 수 없습니다
%1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote the teaching bundle %1 (%n case(s))</source>
        <translation>
            <numerusform>교육용 묶음 %1을(를) 저장했습니다 (증례 %n개)</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a teaching session</source>
        <translation>교육 세션 열기</translation>
    </message>
    <message>
        <source>ExECG Studio sessions (*.execg)</source>
        <translation>ExECG Studio 세션 (*.execg)</translation>
    </message>
    <message>
        <source>Save the teaching session</source>
        <translation>교육 세션 저장</translation>
    </message>
    <message>
        <source>DICOM 12-lead ECGs (*)</source>
        <translation>DICOM 12유도 심전도 (*)</translation>
    </message>
    <message>
        <source>Export a teaching bundle (a new folder)</source>
        <translation>교육용 묶음 내보내기 (새 폴더)</translation>
    </message>
    <message>
        <source>WFDB records (*)</source>
        <translation>WFDB 레코드 (*)</translation>
    </message>
</context>
<context>
    <name>execg::Workbench</name>
    <message>
        <source>%1: no readable ECG files (DICOM, WFDB header, NumPy)</source>
        <translation>%1: 읽을 수 있는 심전도 파일이 없습니다 (DICOM, WFDB 헤더, NumPy)</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>%1 읽는 중 …</translation>
    </message>
    <message>
        <source>%1: has no signal groups</source>
        <translation>%1: 신호 그룹이 없습니다</translation>
    </message>
    <message>
        <source>%1–%2 Hz</source>
        <translation>%1–%2 Hz</translation>
    </message>
    <message>
        <source>notch %1 Hz</source>
        <translation>노치 %1 Hz</translation>
    </message>
    <message>
        <source>display filter %1</source>
        <translation>표시 필터 %1</translation>
    </message>
    <message>
        <source>Measuring</source>
        <translation>측정 중</translation>
    </message>
    <message>
        <source>The measurements could not be made: %1</source>
        <translation>측정을 수행할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Loading model %1</source>
        <translation>모델 %1 불러오는 중</translation>
    </message>
    <message>
        <source>%1: loading was cancelled</source>
        <translation>%1: 불러오기가 취소되었습니다</translation>
    </message>
    <message>
        <source>Predicting</source>
        <translation>예측 중</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2에 대한 %1</translation>
    </message>
    <message>
        <source>Quality of %1</source>
        <translation>%1의 품질</translation>
    </message>
    <message>
        <source>Agreement between the methods</source>
        <translation>방법 간 일치도</translation>
    </message>
    <message>
        <source>no model is loaded</source>
        <translation>불러온 모델이 없습니다</translation>
    </message>
    <message>
        <source>Open a case and let the model predict first.</source>
        <translation>먼저 증례를 열고 모델이 예측하도록 하십시오.</translation>
    </message>
    <message>
        <source>Counterfactual towards %1</source>
        <translation>%1 방향의 반사실 심전도</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>%1: there is no counterfactual to export</source>
        <translation>%1: 내보낼 반사실 심전도가 없습니다</translation>
    </message>
    <message>
        <source>%1: that is the recording itself; a counterfactual is never written over its input</source>
        <translation>%1: 원본 기록 파일입니다. 반사실 심전도는 입력 파일을 덮어쓰지 않습니다</translation>
    </message>
    <message>
        <source>%1: nothing to report yet — open a case and let the model predict</source>
        <translation>%1: 아직 보고할 내용이 없습니다 — 증례를 열고 모델이 예측하도록 하십시오</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 저장 중</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: 취소됨</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: 저장할 수 없습니다 (%2)</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>증례 %1</translation>
    </message>
    <message>
        <source>%1: nothing to export yet — open a case and let the model predict</source>
        <translation>%1: 아직 내보낼 내용이 없습니다 — 증례를 열고 모델이 예측하도록 하십시오</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1: %2 %</translation>
    </message>
    <message>
        <source>A synthetic recording: the potassium demo model, trained on synthetic ECGs for teaching, is used. Choose another model in the model panel.</source>
        <translation>합성 기록: 교육용으로 합성 심전도로 학습한 칼륨 데모 모델을 사용합니다. 모델 패널에서 다른 모델을 선택할 수 있습니다.</translation>
    </message>
    <message>
        <source>A real recording: the AF model trained on real ECGs (PhysioNet/CinC 2017) is used; the synthetic demo models remain for teaching. Choose another model in the model panel.</source>
        <translation>실제 기록: 실제 심전도(PhysioNet/CinC 2017)로 학습한 심방세동 모델을 사용합니다. 합성 데모 모델은 교육용으로 남아 있습니다. 모델 패널에서 다른 모델을 선택할 수 있습니다.</translation>
    </message>
    <message>
        <source>the audit log is switched off (Analysis &gt; Record analyses in the audit log)</source>
        <translation>감사 로그가 꺼져 있습니다 (분석 &gt; 분석을 감사 기록에 남기기)</translation>
    </message>
    <message>
        <source>its methods had not all finished when the report was written</source>
        <translation>보고서를 쓸 때 모든 방법이 끝나지 않았습니다</translation>
    </message>
    <message>
        <source>Checking the prediction&apos;s stability</source>
        <translation>예측의 안정성을 확인하는 중</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Explainable-AI review workstation for ECGs</source>
        <translation>심전도용 설명 가능한 AI 검토 워크스테이션</translation>
    </message>
    <message>
        <source>Open the bundled demo case with the demo model</source>
        <translation>포함된 데모 증례를 데모 모델로 엽니다</translation>
    </message>
    <message>
        <source>Threads for the model (default: every core but one)</source>
        <translation>모델에 사용할 스레드 수 (기본값: 코어 1개를 제외한 전체)</translation>
    </message>
    <message>
        <source>The view to show first: chart, compare, evidence, measurements, counterfactual, tcav or leads</source>
        <translation>처음 표시할 보기: chart, compare, evidence, measurements, counterfactual, tcav 또는 leads</translation>
    </message>
    <message>
        <source>Start with the window maximised</source>
        <translation>창을 최대화한 상태로 시작</translation>
    </message>
    <message>
        <source>ECG recordings or folders to open, or cohort stores (.sqlite)</source>
        <translation>열 심전도 기록이나 폴더, 또는 코호트 저장소(.sqlite)</translation>
    </message>
</context>
</TS>
