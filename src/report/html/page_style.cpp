// The stylesheet of the report, inline so the file stands alone: system fonts only, one column
// on a phone, charts side by side on a laptop, light and dark schemes. Series colours: s0 is
// CPython (the baseline), s1 PyPy (the candidate).

#include "report/html/sections.h"

namespace pypyready::report::html {

std::string_view page_style() {
  return R"CSS(
:root{--fg:#1d2330;--muted:#5b6475;--bg:#fff;--panel:#f5f7fa;--line:#d9dee7;--s0:#2f6bd8;--s1:#e0780b;
--s2:#7a4fc4;--s3:#2a9d8f;--good:#1f8a4c;--bad:#c0392b;--warn:#b7791f;--neutral:#6b7280}
@media (prefers-color-scheme:dark){:root{--fg:#e6e9ef;--muted:#a2aab8;--bg:#14171d;--panel:#1d222b;
--line:#343b47;--s0:#6ea0ff;--s1:#ffa24c}}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
background:var(--bg)}
main{max-width:1120px;margin:0 auto;padding:16px}
nav{position:sticky;top:0;background:var(--bg);border-bottom:1px solid var(--line);padding:6px 16px;
z-index:1;overflow-x:auto;white-space:nowrap}
nav a{color:var(--muted);margin-right:14px;text-decoration:none}
h1.verdict{font-size:2rem;margin:.2em 0;padding:.2em .5em;border-radius:8px;color:#fff;display:inline-block}
h1.good{background:var(--good)}h1.bad{background:var(--bad)}h1.warn{background:var(--warn)}
h1.neutral{background:var(--neutral)}
h2{border-bottom:2px solid var(--line);padding-bottom:4px;margin-top:2em}
small,.meta,.note{color:var(--muted)}
.reason{font-size:1.1rem}
ul.criteria{list-style:none;padding:0;display:grid;gap:6px}
li.criterion{display:grid;grid-template-columns:7.5em 14em 1fr;gap:8px;align-items:baseline;
background:var(--panel);padding:6px 10px;border-radius:6px}
@media (max-width:700px){li.criterion{grid-template-columns:7.5em 1fr}li.criterion .why{grid-column:1/-1}
h1.verdict{font-size:1.5rem}}
.badge{display:inline-block;padding:0 .55em;border-radius:999px;font-size:.85em;color:#fff;white-space:nowrap}
.badge.good{background:var(--good)}.badge.bad{background:var(--bad)}.badge.warn{background:var(--warn)}
.badge.neutral{background:var(--neutral)}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
th{background:var(--panel)}
code,pre{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,monospace;font-size:.9em;overflow-wrap:anywhere}
pre{background:var(--panel);padding:6px 10px;border-radius:6px;overflow-x:auto;white-space:pre}
pre.excerpt .lineno{color:var(--muted);margin-right:1em;user-select:none}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,460px),1fr));gap:12px}
figure{margin:8px 0;background:var(--panel);border-radius:8px;padding:8px;min-width:0}
svg.chart{width:100%;height:auto;display:block}
figure.speedup svg.chart,figure.attribution svg.chart{max-width:760px}
svg text{fill:var(--muted);font-size:11px}
svg text.label{fill:var(--fg);font-size:12px}
svg text.inbar{fill:#fff;font-size:12px}
svg .grid{stroke:var(--line);stroke-width:1}
svg .frame,svg .tick{stroke:var(--muted);stroke-width:1}
svg .line{fill:none;stroke-width:1.6}
svg .line.projected{stroke-dasharray:5 4;opacity:.7}
svg .s0{stroke:var(--s0)}svg .s1{stroke:var(--s1)}svg .s2{stroke:var(--s2)}svg .s3{stroke:var(--s3)}
svg rect.band{stroke:none;opacity:.18}
svg rect.band.s0,svg rect.bar.s0{fill:var(--s0)}svg rect.band.s1,svg rect.bar.s1{fill:var(--s1)}
svg rect.band.s2,svg rect.bar.s2{fill:var(--s2)}svg rect.band.s3,svg rect.bar.s3{fill:var(--s3)}
svg rect.band{stroke:none}
svg .changepoint{stroke-dasharray:3 3;stroke-width:1;opacity:.8}
svg rect.bar.win{fill:var(--good)}svg rect.bar.loss{fill:var(--bad)}svg rect.bar.even{fill:var(--neutral)}
svg .whisker{stroke:var(--fg);stroke-width:1.5}
svg .reference{stroke:var(--fg);stroke-dasharray:4 3}
svg .breakeven{stroke:var(--good);stroke-width:1.5;fill:var(--good)}
svg line.breakeven{stroke-dasharray:2 3}
.p0{fill:var(--s1);background:var(--s1)}.p1{fill:var(--s0);background:var(--s0)}
.p2{fill:var(--s2);background:var(--s2)}.p3{fill:var(--s3);background:var(--s3)}
.p4{fill:#8d99ae;background:#8d99ae}.p5{fill:#b5838d;background:#b5838d}.p6{fill:#6d6875;background:#6d6875}
.p7{fill:#999;background:#999}
figcaption{font-size:.85em;display:flex;flex-wrap:wrap;gap:4px 14px;margin-top:4px}
.key{white-space:nowrap}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:5px;vertical-align:-1px}
.sw.s0{background:var(--s0)}.sw.s1{background:var(--s1)}.sw.s2{background:var(--s2)}.sw.s3{background:var(--s3)}
details{margin:6px 0}
summary{cursor:pointer}
details.rule{background:var(--panel);border-radius:6px;padding:6px 10px}
details.rule ul{padding-left:0;list-style:none}
li.finding{border-top:1px solid var(--line);padding:4px 0}
li.finding p{margin:4px 0}
.count{display:inline-block;min-width:1.8em;text-align:center;background:var(--neutral);color:#fff;
border-radius:999px;font-size:.85em}
.warning{color:var(--warn)}
.evidence{margin-bottom:4px}
article.benchmark{margin-bottom:24px}
footer{color:var(--muted);font-size:.85em;margin:32px 0}
)CSS";
}

}  // namespace pypyready::report::html
