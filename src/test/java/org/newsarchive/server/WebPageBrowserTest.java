package org.newsarchive.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.cli.CliEnvironment;
import org.newsarchive.cli.NewsArchiveCommand;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The web page in a real browser (Debian's headless Chromium through chromedriver), against a
 * real server over a small archive indexed by the CLI: searching, facets and chips, the timeline,
 * the article view with its entity marks, history and reload, hostile text, a huge article, the
 * keyboard, and a phone-width layout. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Waits are explicit: {@link #waitFor} polls a condition until it holds or a deadline passes
 * (selenium-support, which has WebDriverWait, is not among the test dependencies).
 */
@Tag("slow")
@Timeout(value = 3, unit = TimeUnit.MINUTES) // each test: a browser that stops answering must not hang the build
class WebPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Paragraphs of the huge article, and the characters the page renders at first (app.js SLICE). */
    private static final int HUGE_PARAGRAPHS = 7000;
    private static final int SLICE = 100_000;

    /** The 11 articles with 'trade'; by relevance, the first page holds all but the last one. */
    private static final String LAST_BY_RELEVANCE = "Reagan and Thatcher meet in London";
    private static final List<String> TRADE_NEWEST = List.of(
            "Huge trade almanac", "Coffee exports from Brazil rise", "Reagan signs trade bill",
            "Reuters reports new trade talks", "Thatcher warns on trade deficit, corrected", "Thatcher warns on trade deficit",
            "Japan car exports climb", "Reagan and Thatcher meet in London", "Bank of Japan keeps rates steady",
            "Thatcher backs free trade", "Reagan speaks on trade with Japan");
    private static final String HOSTILE_HEADLINE = "Hostile markup <script>window.pwned=1</script> test";

    @TempDir
    static Path tmp;

    /** Kept, so that its level holds: Selenium warns that it has no DevTools classes for this Chromium (none are used). */
    private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

    static ArchiveServer server;
    static ChromeDriver driver;
    static String base;

    @BeforeAll
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    static void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        Path articles = tmp.resolve("articles");
        writeArchive(articles);
        Path index = tmp.resolve("index");
        int exit = NewsArchiveCommand.commandLine(new CliEnvironment(Map.of(), tmp, false))
                .execute("--index", index.toString(), "index", "--quiet", articles.toString());
        assertEquals(0, exit, "indexing the fixture archive");
        server = ArchiveServer.start(ServerSettings.forIndex(index));
        base = server.address().toString();

        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        // the driver and the browser named explicitly, so that Selenium Manager never downloads anything
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + tmp.resolve("chromium-profile"));
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10)).pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void noScriptRanFromTheData() {
        if (driver != null) {
            assertEquals("undefined", js("return typeof window.pwned"), "text of an article ran as script");
        }
    }

    // ------------------------------------------------------------------ the archive

    private static void article(Path dir, String file, String date, String headline, String... paragraphs)
            throws IOException {
        StringBuilder text = new StringBuilder(" date ").append(date).append(" \n").append(headline).append("\n\n");
        for (String p : paragraphs) {
            text.append(p).append("\n\n");
        }
        Files.writeString(dir.resolve(file), text.toString());
    }

    private static List<String> hugeParagraphs() {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Margaret Thatcher opened the almanac in London with a note on trade.");
        for (int i = 2; i <= HUGE_PARAGRAPHS; i++) {
            paragraphs.add("Paragraph " + i + " of the almanac records how trade between Japan and the rest of the world "
                    + "grew and shrank over the years, with tables of exports, imports, prices and shipping costs "
                    + "that the editors collected from ports, banks and ministries, and with notes on the weather, "
                    + "the harvests and the markets of every season, so that readers could follow the long story "
                    + "of commerce from one year to the next without losing the thread of what had happened before.");
        }
        return paragraphs;
    }

    /** 15 article files (one of 3 MB) and 2 JSON records, October to December 2023. */
    static void writeArchive(Path dir) throws IOException {
        Files.createDirectories(dir);
        article(dir, "a01.txt", "2023-10-03", "Reagan speaks on trade with Japan",
                "President Ronald Reagan said in Washington on Monday that trade talks with Japan would resume next month.",
                "Officials of the Bank of Japan are expected to attend the talks, which cover farm goods and cars.");
        article(dir, "a02.txt", "2023-10-10", "Thatcher backs free trade",
                "Prime Minister Margaret Thatcher said in London on Tuesday that free trade had served the country well.",
                "She said exporters should look to Japan and to the rest of Asia for new markets.");
        article(dir, "a03.txt", "2023-10-17", "Wheat harvest ends early",
                "Farmers in Kansas finished the wheat harvest two weeks early after a dry and warm autumn.",
                "Yields were lower than last year but prices held firm.");
        article(dir, "a04.txt", "2023-10-24", "Bank of Japan keeps rates steady",
                "The Bank of Japan kept its interest rates unchanged on Tuesday, saying the trade surplus remained large.",
                "The governor told reporters in Tokyo that the yen was stable.");
        article(dir, "a05.txt", "2023-11-02", "Reagan and Thatcher meet in London",
                "President Ronald Reagan and Prime Minister Margaret Thatcher met in London on Thursday to discuss trade and defence.",
                "The two leaders agreed to meet again in the spring, officials said.");
        article(dir, "a06.txt", "2023-11-09", "Japan car exports climb",
                "Car exports from Japan rose for a third month in October, widening the trade gap with Europe.",
                "Makers said demand for small cars was strong.");
        article(dir, "a07.txt", "2023-11-16", HOSTILE_HEADLINE,
                "This hostile article holds markup: <img src=x onerror=\"window.pwned=1\"> and a link javascript:window.pwned=1 in its text.",
                "None of it may run: <script>window.pwned=1</script> is only words here.");
        article(dir, "a08.txt", "2023-11-23", "Coffee prices fall in Brazil",
                "Coffee prices fell in Brazil after a large harvest, growers said on Thursday.",
                "Exporters expect lower prices through the winter.");
        article(dir, "a09.txt", "2023-12-01", "Thatcher warns on trade deficit",
                "Margaret Thatcher warned in London on Friday that the trade deficit could not go on growing.",
                "She asked industry to invest more in new plants.");
        // a near-duplicate of a09, as a wire service sends a correction
        article(dir, "a15.txt", "2023-12-02", "Thatcher warns on trade deficit, corrected",
                "Margaret Thatcher warned in London on Friday that the trade deficit could not go on growing.",
                "She asked industry to invest more in new plants and offices.");
        article(dir, "a10.txt", "2023-12-08", "Reagan signs trade bill",
                "President Ronald Reagan signed a trade bill in Washington on Friday after months of debate in Congress.",
                "The bill gives the White House new powers in talks with Japan.");
        article(dir, "a11.txt", "2023-12-15", "Coffee exports from Brazil rise",
                "Coffee exports from Brazil rose in November, traders said, as buyers returned after the harvest.",
                "The coffee trade expects a busy winter.");
        article(dir, "a12.txt", "2023-12-22", "Huge trade almanac", hugeParagraphs().toArray(String[]::new));
        article(dir, "a13.txt", "2023-12-29", "Tokyo stocks close higher",
                "Stocks in Tokyo closed higher on Friday, led by banks and carmakers.",
                "Dealers said the market was calm before the holiday.");
        article(dir, "a14.txt", "2023-11-28", "Cold weather grips Washington",
                "A cold wind swept through Washington on Tuesday, and forecasters expect snow by the weekend.",
                "Schools said they would stay open.");
        // records with a site and a link: one to follow, one that must never be followed
        Files.writeString(dir.resolve("wire.jsonl"), """
                {"title": "Reuters reports new trade talks", "maintext": "Negotiators from Japan and the United States will hold new trade talks in Geneva next week, officials said.", "date_publish": "2023-12-05 10:00:00", "url": "https://www.reuters.com/world/trade-talks", "authors": ["Jane Doe"]}
                {"title": "Hostile link record", "maintext": "A record whose link is hostile and must never be followed.", "date_publish": "2023-11-20 09:00:00", "url": "javascript:window.pwned=1", "source_domain": "hostile.example"}
                """);
    }

    // ------------------------------------------------------------------ helpers

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Polls until the condition gives something other than null or false; fails after {@link #WAIT}. */
    private static <T> T waitFor(String what, Supplier<T> condition) {
        return waitFor(() -> what, condition);
    }

    /** As above, {@code what} read only on failure (to say what the page showed then). */
    private static <T> T waitFor(Supplier<String> what, Supplier<T> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T value = null;
        WebDriverException problem = null;
        while (true) {
            try {
                value = condition.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (WebDriverException e) {
                problem = e; // not there yet, or replaced by a new rendering
            }
            if (System.nanoTime() > deadline) {
                fail("waited " + WAIT.toSeconds() + " s for " + what.get() + "; last value: " + value
                        + (problem == null ? "" : "; last problem: " + problem.getMessage().lines().findFirst().orElse("")));
            }
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private static WebElement find(String css) {
        return waitFor(css, () -> driver.findElement(By.cssSelector(css)));
    }

    // counts and texts are read in one script each: the page may re-render between two WebDriver calls

    private static int count(String css) {
        return ((Number) js("return document.querySelectorAll(arguments[0]).length", css)).intValue();
    }

    /** The rendered text of the first element that matches, or null. */
    private static String text(String css) {
        return (String) js("const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null", css);
    }

    /** Waits until no request is in flight and the result count reads {@code total}. */
    private static void waitForTotal(String total) {
        waitFor(() -> "the total '" + total + "' (shown: '" + text("#count .total") + "')",
                () -> !(Boolean) js("return document.body.classList.contains('busy')") && total.equals(text("#count .total")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> headlines() {
        return (List<String>) js("return Array.from(document.querySelectorAll('#results li.hit h2 a'), a => a.innerText.trim())");
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    private static String value(String css) {
        return driver.findElement(By.cssSelector(css)).getDomProperty("value");
    }

    private static String fragment() {
        return (String) js("return decodeURIComponent(location.hash.replace(/\\+/g, ' '))");
    }

    private static void open(String fragment) {
        driver.get("about:blank");
        driver.get(base + (fragment.isEmpty() ? "" : "#" + fragment));
    }

    private static void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }

    /** How many paragraphs the page shows after each slice: whole paragraphs until SLICE characters (as app.js). */
    private static List<Integer> sliceEnds(List<String> paragraphs) {
        List<Integer> ends = new ArrayList<>();
        int chars = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            chars += paragraphs.get(i).length();
            if (chars >= SLICE) {
                ends.add(i + 1);
                chars = 0;
            }
        }
        return ends;
    }

    private static void waitForArticle(String headline) {
        waitFor(() -> "the article '" + headline + "' (shown: '" + text("#art-title") + "')",
                () -> find("#article-view").isDisplayed() && headline.equals(text("#art-title")));
    }

    // ------------------------------------------------------------------ tests

    @Test
    void searchFilterByFacetAndTimelineOpenAnArticleGoBackAndReload() throws IOException {
        open("");
        WebElement q = find("#q");
        waitForTotal("17 articles"); // an empty query lists every article
        q.sendKeys("trade", Keys.ENTER);
        waitForTotal("11 articles");
        List<String> firstPage = headlines();
        assertEquals(10, firstPage.size());
        assertEquals(sorted(TRADE_NEWEST.stream().filter(h -> !h.equals(LAST_BY_RELEVANCE)).toList()), sorted(firstPage));
        assertTrue(fragment().contains("q=trade"), fragment());
        List<WebElement> marks = driver.findElements(By.cssSelector("#results .snippet mark"));
        assertFalse(marks.isEmpty());
        marks.forEach(m -> assertEquals("trade", m.getText().toLowerCase()));
        assertEquals("Margaret Thatcher", text("#results li.hit .ents button[data-type='person']"));
        js("document.activeElement.blur()");
        screenshot("results");

        // page 2: the eleventh article
        find("#pager a[rel='next']").click();
        waitFor("page 2", () -> headlines().equals(List.of(LAST_BY_RELEVANCE)));
        assertTrue(fragment().contains("page=2"));
        driver.navigate().back();
        waitFor("page 1 again", () -> sorted(headlines()).equals(sorted(firstPage)));

        // a facet adds a chip and narrows the results; the chip takes it away
        WebElement thatcher = find("#facets button.facet[data-type='person'][data-name='Margaret Thatcher']");
        assertEquals("5", text("#facets button.facet[data-type='person'][data-name='Margaret Thatcher'] .fcount"));
        assertEquals("1", text("#facets button.facet[data-type='source'][data-name='reuters.com'] .fcount"));
        thatcher.click();
        waitForTotal("5 articles");
        waitFor("the chip", () -> text("#chips button.chip[data-type='person']").contains("Margaret Thatcher"));
        assertEquals(sorted(List.of("Huge trade almanac", "Thatcher warns on trade deficit, corrected",
                "Thatcher warns on trade deficit", "Reagan and Thatcher meet in London", "Thatcher backs free trade")),
                sorted(headlines()));
        find("#chips button.chip[data-type='person']").click();
        waitForTotal("11 articles");
        assertEquals(0, count("#chips .chip"));

        // one per group of copies
        find("#collapse").click();
        waitFor("+1 copy", () -> "+1 copy".equals(text("#results li.hit .copies")));
        assertEquals(10, headlines().size());
        find("#collapse").click();
        waitFor("no copies line", () -> count("#results li.hit .copies") == 0);

        // the timeline per month: drag across October and November, then click November
        find("#by option[value='month']").click();
        waitFor("three months", () -> driver.findElements(By.cssSelector("#chart rect.slot")).stream()
                .map(r -> r.getDomAttribute("data-period")).toList().equals(List.of("2023-10", "2023-11", "2023-12")));
        assertTrue(text("#chart .legend").contains("(peak 2023-12)"), text("#chart .legend"));
        new Actions(driver).clickAndHold(find("#chart rect.slot[data-period='2023-10']"))
                .moveToElement(find("#chart rect.slot[data-period='2023-11']")).release().perform();
        waitForTotal("5 articles");
        assertEquals("2023-10-01", value("#from"));
        assertEquals("2023-11-30", value("#to"));
        find("#chips button.chip[data-type='dates']").click();
        waitForTotal("11 articles");
        waitFor("three bars again", () -> count("#chart rect.slot") == 3);
        find("#chart rect.slot[data-period='2023-11']").click();
        waitForTotal("2 articles");
        assertEquals("2023-11-01", value("#from"));
        assertEquals("2023-11-30", value("#to"));
        assertEquals(sorted(List.of("Japan car exports climb", "Reagan and Thatcher meet in London")), sorted(headlines()));

        // the article, its entities marked in the text, its story thread
        driver.findElement(By.linkText("Reagan and Thatcher meet in London")).click();
        waitForArticle("Reagan and Thatcher meet in London");
        assertTrue(fragment().contains("article="), fragment());
        assertTrue(text("#art-body").contains("met in London on Thursday to discuss trade and defence."));
        WebElement mark = find("#art-body mark.ent[data-type='person'][data-name='Margaret Thatcher']");
        assertEquals("Margaret Thatcher", mark.getText());
        assertEquals("Ronald Reagan", find("#art-body mark.ent[data-type='person'][data-name='Ronald Reagan']").getText());
        assertEquals("London", find("#art-body mark.ent[data-type='place']").getText());
        waitFor("the thread", () -> "Reagan and Thatcher meet in London".equals(text("#thread li.given strong")));
        waitFor("similar articles", () -> count("#similar li a") > 0);
        screenshot("article");

        // back: the same results; reload: the same state again
        driver.navigate().back();
        waitForTotal("2 articles");
        assertTrue(find("#results-view").isDisplayed());
        assertEquals("trade", value("#q"));
        assertEquals(sorted(List.of("Japan car exports climb", "Reagan and Thatcher meet in London")), sorted(headlines()));
        driver.navigate().refresh();
        waitForTotal("2 articles");
        assertEquals("trade", value("#q"));
        assertEquals("2023-11-01", value("#from"));
        assertEquals("2023-11-30", value("#to"));
        assertEquals("month", value("#by"));
        assertEquals(sorted(List.of("Japan car exports climb", "Reagan and Thatcher meet in London")), sorted(headlines()));

        // a mark in the text goes back to the results, filtered by that entity
        driver.findElement(By.linkText("Reagan and Thatcher meet in London")).click();
        waitForArticle("Reagan and Thatcher meet in London");
        find("#art-body mark.ent[data-name='Margaret Thatcher']").click();
        waitForTotal("1 article");
        waitFor("the chip", () -> text("#chips button.chip[data-type='person']").contains("Margaret Thatcher"));
        assertEquals(List.of("Reagan and Thatcher meet in London"), headlines());
    }

    @Test
    void copiesOpenEachOtherAndTheTimelineComparesShares() {
        open("q=deficit");
        waitForTotal("2 articles");
        driver.findElement(By.linkText("Thatcher warns on trade deficit")).click();
        waitForArticle("Thatcher warns on trade deficit");
        waitFor("the copy", () -> "Thatcher warns on trade deficit, corrected".equals(text("#copies li a")));
        assertTrue(text("#copies li").contains("% of word pairs shared"), text("#copies li"));
        driver.findElement(By.cssSelector("#copies li a")).click();
        waitForArticle("Thatcher warns on trade deficit, corrected");
        waitFor("the copy's copy", () -> "Thatcher warns on trade deficit".equals(text("#copies li a")));

        // each month's share of all its articles, 'coffee' beside 'trade'
        open("q=trade&by=month&share=1&compare=coffee");
        waitForTotal("11 articles");
        waitFor("two series", () -> count("#chart rect.bar.s1") == 3);
        assertEquals(3, count("#chart rect.bar.s0"));
        assertTrue((Boolean) js("return document.getElementById('share').checked"));
        assertEquals("coffee", value("#compare"));
        String legend = text("#chart .legend");
        assertTrue(legend.contains("“trade”: 11 articles (peak 2023-12)"), legend);
        assertTrue(legend.contains("“coffee”: 2 articles (peak 2023-11)"), legend);
        assertEquals(List.of("0%", "50%", "100%"),
                js("return Array.from(document.querySelectorAll('#chart text.tick'), t => t.textContent)"));
        assertEquals("2023-11: 33% “trade”, 17% “coffee”",
                js("return document.querySelector(\"#chart rect.slot[data-period='2023-11'] title\").textContent"));
    }

    @Test
    void hostileTextIsShownAsTextAndItsLinksAreNotFollowed() {
        open("q=hostile");
        waitForTotal("2 articles");
        assertEquals(sorted(List.of(HOSTILE_HEADLINE, "Hostile link record")), sorted(headlines()));
        String results = text("#results");
        assertTrue(results.contains("<img src=x onerror=\"window.pwned=1\">"), results);
        assertEquals(0, count("img"));
        assertEquals(1, ((Number) js("return document.scripts.length")).intValue());

        driver.findElement(By.partialLinkText("Hostile markup")).click();
        waitForArticle(HOSTILE_HEADLINE);
        assertTrue(text("#art-title").contains("<script>"));
        String body = text("#art-body");
        assertTrue(body.contains("<img src=x onerror=\"window.pwned=1\">"), body);
        assertTrue(body.contains("javascript:window.pwned=1"), body);
        assertTrue(body.contains("<script>window.pwned=1</script> is only words here."), body);
        assertEquals(0, count("img, img[onerror], #article-view script"));
        assertEquals(1, ((Number) js("return document.scripts.length")).intValue());

        driver.navigate().back();
        waitForTotal("2 articles");
        driver.findElement(By.linkText("Hostile link record")).click();
        waitForArticle("Hostile link record");
        assertEquals("javascript:window.pwned=1", find("#art-meta .url").getText());
        assertEquals(0, count("a[href^='javascript' i]"));

        // a real link is a link
        open("q=reuters");
        waitForTotal("1 article");
        driver.findElement(By.linkText("Reuters reports new trade talks")).click();
        waitForArticle("Reuters reports new trade talks");
        assertEquals("https://www.reuters.com/world/trade-talks",
                find("#art-meta a[href^='https:']").getDomAttribute("href"));
        assertTrue(text("#art-meta").contains("reuters.com"));
        assertTrue(text("#art-meta").contains("by Jane Doe"));
    }

    @Test
    void aHugeArticleOpensAtOnceAndRendersInSlices() {
        open("q=almanac");
        waitForTotal("1 article");
        long start = System.nanoTime();
        driver.findElement(By.linkText("Huge trade almanac")).click();
        waitForArticle("Huge trade almanac");
        WebElement more = find("#art-body button.more");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 5_000, "the huge article took " + millis + " ms to show");
        // the first slice: whole paragraphs up to SLICE characters
        List<String> paragraphs = hugeParagraphs();
        List<Integer> ends = sliceEnds(paragraphs);
        assertEquals(ends.get(0).intValue(), count("#art-body p"));
        assertEquals(paragraphs.get(0), text("#art-body p"));
        assertTrue(more.getText().startsWith("Show more ("), more.getText());
        // the page answers at once, while the names of 3 MB of text may still be being found
        long before = System.nanoTime();
        assertEquals(2L, js("return 1 + 1"));
        assertTrue((System.nanoTime() - before) / 1_000_000 < 1_000, "the page is not responsive");
        // scrolling down to the end of the first slice renders the second one
        js("arguments[0].scrollIntoView()", more);
        waitFor("the second slice", () -> count("#art-body p") == ends.get(1));
        // and the button renders the third (clicked where it is: scrolling to it would render it anyway)
        js("arguments[0].click()", find("#art-body button.more"));
        waitFor("the third slice", () -> count("#art-body p") == ends.get(2));
        assertTrue(count("#art-body p") < HUGE_PARAGRAPHS);
    }

    @Test
    void keyboardMovesThroughResultsOpensAndGoesBack() {
        open("q=trade&sort=newest");
        waitForTotal("11 articles");
        assertEquals(TRADE_NEWEST.subList(0, 10), headlines());
        assertEquals("newest", value("#sort"));
        Actions keys = new Actions(driver);
        keys.sendKeys("/").perform();
        assertEquals("q", js("return document.activeElement.id"));
        keys.sendKeys(Keys.ESCAPE).perform();
        keys.sendKeys("j").perform();
        keys.sendKeys("j").perform();
        keys.sendKeys("j").perform();
        keys.sendKeys("k").perform();
        assertEquals(TRADE_NEWEST.get(1), text("#results li.hit.selected h2"));
        keys.sendKeys("o").perform();
        waitForArticle(TRADE_NEWEST.get(1));
        keys.sendKeys(Keys.ESCAPE).perform();
        waitFor("the results", () -> find("#results-view").isDisplayed());
        waitForTotal("11 articles");
        assertEquals(TRADE_NEWEST.get(1), waitFor("the selection back", () -> text("#results li.hit.selected h2")));
        keys.sendKeys(Keys.ARROW_DOWN).perform();
        assertEquals(TRADE_NEWEST.get(2), text("#results li.hit.selected h2"));
        keys.sendKeys(Keys.ENTER).perform();
        waitForArticle(TRADE_NEWEST.get(2));
        keys.sendKeys(Keys.BACK_SPACE).perform();
        waitForTotal("11 articles");
        assertFalse(fragment().contains("article="));
    }

    @Test
    void suggestionsAndErrorsAreShownInThePage() {
        open("q=almanak");
        waitForTotal("No articles");
        find("#suggest a").click();
        waitForTotal("1 article");
        assertEquals("almanac", value("#q"));

        open("person=Margret+Thatcher");
        waitForTotal("No articles");
        String suggestion = text("#suggest");
        assertEquals("No article names the person “Margret Thatcher”; did you mean Margaret Thatcher (5 articles)?", suggestion);
        driver.findElement(By.linkText("Margaret Thatcher")).click();
        waitForTotal("5 articles");
        waitFor("the chip", () -> text("#chips button.chip[data-type='person']").contains("Margaret Thatcher"));

        open("q=trade+AND+(");
        WebElement error = waitFor("the error line", () -> {
            WebElement e = driver.findElement(By.id("error"));
            return e.isDisplayed() ? e : null;
        });
        assertTrue(error.getText().startsWith("invalid query at column"), error.getText());
        assertNotNull(find("#q").getDomAttribute("aria-invalid"));
        assertEquals(0, count("#results li"));
    }

    @Test
    void atPhoneWidthNothingOverflowsAndFacetsFold() throws IOException {
        Dimension wide = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(375, 800));
            open("q=trade");
            waitForTotal("11 articles");
            waitFor("the chart", () -> count("#chart rect.slot") > 0);
            assertFalse((Boolean) js("return document.getElementById('facets-box').open"));
            assertTrue(((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).intValue() <= 0,
                    "the page is wider than the screen");
            screenshot("phone");
            driver.findElement(By.linkText("Reagan signs trade bill")).click();
            waitForArticle("Reagan signs trade bill");
            assertTrue(((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).intValue() <= 0,
                    "the article is wider than the screen");
            screenshot("phone-article");
        } finally {
            driver.manage().window().setSize(wide);
        }
    }
}
