// Drives the zhengtu page in Debian's Chromium (playwright-core): searches
// a name, checks the drawn graph, expands a node, opens an edge's evidence,
// runs an example SPARQL query and saves a screenshot.
//
// usage: node page.mjs URL SCREENSHOT.png
// Prints one JSON line with what it found; exits non-zero on failure.
import { chromium } from "playwright-core";

const [url, shot] = process.argv.slice(2);
if (!url || !shot) {
  console.error("usage: node page.mjs URL SCREENSHOT.png");
  process.exit(2);
}
const SEARCH = "奎文分局";
const EXPECT = "潍坊市自然资源和规划局";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  headless: true,
  timeout: 60000,
});
const result = { errors: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("pageerror", (e) => result.errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") result.errors.push(m.text()); });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => window.cy !== undefined, null, { timeout: 15000 });

  // search by a short name; the graph must show the parent bureau
  await page.fill("#q", SEARCH);
  await page.press("#q", "Enter");
  await page.waitForFunction(
    (label) => window.cy.nodes().some((n) => n.data("label") === label),
    EXPECT,
    { timeout: 15000 },
  );
  result.labels = await page.evaluate(() => window.cy.nodes().map((n) => n.data("label")).sort());
  result.root = await page.evaluate(() => window.cy.nodes("[?root]").map((n) => n.data("label")));
  result.nodesBefore = result.labels.length;

  // click (tap) the parent bureau: its neighbours are added
  await page.evaluate((label) => {
    window.cy.nodes().filter((n) => n.data("label") === label).emit("tap");
  }, EXPECT);
  await page.waitForFunction(
    (n) => window.cy.nodes().length > n,
    result.nodesBefore,
    { timeout: 15000 },
  );
  result.nodesAfter = await page.evaluate(() => window.cy.nodes().length);

  // tap the edge between the branch and the bureau: the panel shows evidence
  result.edge = await page.evaluate((label) => {
    const e = window.cy.edges().filter((x) =>
      x.data("predicate") === "subOrganizationOf" && x.target().data("label") === label &&
      x.source().data("label").includes("奎文分局"));
    e.emit("tap");
    return e.length;
  }, EXPECT);
  await page.waitForSelector("#panel blockquote.evidence", { timeout: 10000 });
  result.evidence = await page.$$eval("#panel blockquote.evidence", (b) => b.length);
  result.panel = (await page.textContent("#panel")).slice(0, 400);

  // the first example SPARQL query fills a table
  await page.click("#run");
  await page.waitForSelector("#results table tbody tr", { timeout: 15000 });
  result.sparqlRows = await page.$$eval("#results table tbody tr", (r) => r.length);
  result.sparqlStatus = await page.textContent("#sparql-status");

  // back to the searched entity's neighbourhood for the picture
  await page.evaluate((label) => {
    const n = window.cy.nodes().filter((x) => x.data("label") === label);
    window.cy.fit(undefined, 30);
    n.select();
  }, EXPECT);
  await page.screenshot({ path: shot, fullPage: true });
  result.screenshot = shot;
  console.log(JSON.stringify(result));
} catch (e) {
  console.log(JSON.stringify(result));
  console.error(String(e && e.stack ? e.stack : e));
  process.exitCode = 1;
} finally {
  await browser.close();
}
