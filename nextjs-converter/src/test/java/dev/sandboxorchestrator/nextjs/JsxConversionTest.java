package dev.sandboxorchestrator.nextjs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxorchestrator.core.ConversionReport;
import dev.sandboxorchestrator.core.Project;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JsxConversionTest {
    @Test
    void spellsAttributesTheReactWay() {
        assertThat(Html.body("<label for=\"a\" class=\"c\" tabindex=\"2\">x</label>"))
                .isEqualTo("<label htmlFor=\"a\" className=\"c\" tabIndex={2}>x</label>");
        assertThat(Html.body("<table><tr><td colspan=\"2\" rowspan=\"3\" nowrap>x</td></tr></table>"))
                .contains("colSpan={2}").contains("rowSpan={3}");
        assertThat(Html.body("<input maxlength=\"5\" readonly autocomplete=\"off\" autofocus>"))
                .isEqualTo("<input maxLength={5} readOnly autoComplete=\"off\" autoFocus />");
        assertThat(Html.body("<img src=\"https://x.test/a.png\" crossorigin srcset=\"https://x.test/b.png 2x\" alt=\"\">"))
                .isEqualTo("<img src=\"https://x.test/a.png\" crossOrigin=\"\" srcSet=\"https://x.test/b.png 2x\" alt=\"\" />");
    }

    @Test
    void spellsSvgAttributesAndTagsInCamelCase() {
        String jsx = Html.body("<svg viewbox=\"0 0 1 1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><lineargradient id=\"g\"></lineargradient>"
                + "<path stroke-width=\"2\" fill-rule=\"evenodd\" clip-path=\"url(#c)\"/><use xlink:href=\"#i\"/></svg>");

        assertThat(jsx).contains("<svg viewBox=\"0 0 1 1\" xmlnsXlink=\"http://www.w3.org/1999/xlink\">")
                .contains("<linearGradient id=\"g\" />")
                .contains("<path strokeWidth=\"2\" fillRule=\"evenodd\" clipPath=\"url(#c)\" />")
                .contains("<use xlinkHref=\"#i\" />");
    }

    @Test
    void keepsDataAndAriaAttributesAndTypesAriaNumbers() {
        assertThat(Html.body("<div data-x=\"1\" data-long-name=\"y\" aria-label=\"L\" aria-level=\"3\" aria-expanded=\"false\">x</div>"))
                .isEqualTo("<div data-x=\"1\" data-long-name=\"y\" aria-label=\"L\" aria-level={3} aria-expanded=\"false\">x</div>");
    }

    @Test
    void neverTurnsEmptyValuesIntoBareBooleansUnlessTheAttributeIsBoolean() {
        assertThat(Html.body("<input disabled=\"\" value=\"\"><option value=\"\" hidden>x</option>"))
                .contains("<input disabled defaultValue=\"\" />").contains("<option value=\"\" hidden>x</option>");
    }

    @Test
    void passesValuesReactsTypesRejectThroughAnUntypedSpreadAndReportsThem() {
        Project project = Html.convert("<body><div align=\"center\" aria-hidden=\"\" tabindex=\"x\">x</div><textarea type=\"text\"></textarea></body>");
        String page = project.files().get("app/page.tsx").asString();

        assertThat(page).contains("<div {...({ \"align\": \"center\", \"aria-hidden\": \"\", \"tabindex\": \"x\" } as {})}>x</div>")
                .contains("<textarea {...{ \"type\": \"text\" }} />");
        assertThat(project.report().entries(ConversionReport.Kind.CHANGED)).extracting(ConversionReport.Entry::message)
                .anyMatch(message -> message.contains("align is not in React's types for <div>"))
                .anyMatch(message -> message.contains("tabindex=\"x\" does not match"));
    }

    @Test
    void makesFormFieldsUncontrolled() {
        assertThat(Html.body("<input value=\"a\"><input type=\"checkbox\" checked><input type=\"hidden\" value=\"h\">"
                + "<select><option>a</option><option selected value=\"2\">b</option></select>"
                + "<select multiple><option selected>a</option><option selected>b</option></select>"
                + "<textarea>\nline 1\n  line 2</textarea>"))
                .contains("<input defaultValue=\"a\" />").contains("<input type=\"checkbox\" defaultChecked />")
                .contains("<input type=\"hidden\" value=\"h\" />").contains("<select defaultValue={\"2\"}>")
                .contains("<option value=\"2\">b</option>").contains("<select multiple defaultValue={[\"a\", \"b\"]}>")
                .contains("<textarea defaultValue={\"line 1\\n  line 2\"} />");
    }

    @Test
    void escapesTextForJsxAndForUnescapedEntitiesLint() {
        assertThat(Html.body("<p>a {b} &lt;c&gt; \"d\" 'e' &amp; f&nbsp;g &copy;</p>"))
                .isEqualTo("<p>a &#123;b&#125; &lt;c&gt; &quot;d&quot; &apos;e&apos; &amp; f&nbsp;g ©</p>");
        assertThat(Html.body("<p>see // not a comment</p>")).isEqualTo("<p>{\"see // not a comment\"}</p>");
    }

    @Test
    void keepsTheSpacesBetweenInlineElementsSoWordsDoNotRunTogether() {
        assertThat(Html.body("<p><b>one</b>\n  <i>two</i>\n  three <a href=\"#x\">four</a>.</p>"))
                .isEqualTo("<p>\n<b>one</b>\n{\" \"}\n<i>two</i>\n{\" three \"}\n<a href=\"#x\">four</a>\n.\n</p>");
    }

    @Test
    void dropsWhitespaceReactForbidsInTablesAndAddsTbody() {
        assertThat(Html.body("<table>\n  <tr>\n    <td>a</td>\n  </tr>\n</table>"))
                .isEqualTo("<table>\n<tbody>\n<tr>\n<td>a</td>\n</tr>\n</tbody>\n</table>");
    }

    @Test
    void keepsPreformattedTextExactly() {
        assertThat(Html.body("<pre>\n  a  {b}\n\tc</pre>")).isEqualTo("<pre>{\"  a  {b}\\n\\tc\"}</pre>");
        assertThat(Html.body("<pre><code>x\n  y</code></pre>")).isEqualTo("<pre>\n<code>{\"x\\n  y\"}</code>\n</pre>");
    }

    @Test
    void turnsStylesIntoObjectsAndCommentsIntoJsxComments() {
        assertThat(Html.body("<div style=\"color: red; --gap: 2px\">x</div><!-- note */ here -->"))
                .contains("<div style={{ color: \"red\", \"--gap\": \"2px\" } as CSSProperties}>x</div>")
                .contains("{/* note * / here */}");
    }

    @Test
    void passesCustomAndUnknownElementsThroughAndDeclaresTheirTypes() {
        Project project = Html.convert("<body><my-card size=\"l\" class=\"c\">x</my-card><center>old</center></body>");

        assertThat(project.files().get("app/page.tsx").asString()).contains("<my-card size=\"l\" className=\"c\">x</my-card>")
                .contains("<center>old</center>");
        assertThat(project.files().get("legacy-elements.d.ts").asString()).contains("\"my-card\": LegacyElementProps;")
                .doesNotContain("\"center\"");
    }

    @Test
    void movesHandlersAndJavascriptUrlsReactCannotRenderToTheRuntime() {
        String page = Html.page("<body><button onclick=\"go('x')\" onmouseover=\"hover()\">b</button><a href=\"javascript:go()\">a</a>"
                + "<div @click=\"open = true\">alpine</div><script>function go() {}</script></body>");

        assertThat(page).contains("<button data-legacy-attrs={\"{\\\"onclick\\\":\\\"go('x')\\\",\\\"onmouseover\\\":\\\"hover()\\\"}\"}>b</button>")
                .contains("<a href=\"#\" data-legacy-attrs={\"{\\\"href\\\":\\\"javascript:go()\\\"}\"}>a</a>")
                .contains("data-legacy-attrs={\"{\\\"@click\\\":\\\"open = true\\\"}\"}")
                .contains("import LegacyScripts, { type LegacyScript } from \"@/app/_legacy/LegacyScripts\";")
                .contains("{ code: \"function go() {}\" }")
                .contains("<LegacyScripts page=\"/\" scripts={scripts} />");
    }

    @Test
    void dropsIframeFallbackContentThatBrowsersNeverShowAndReportsIt() {
        Project project = Html.convert("<body><iframe src=\"https://x.test/\" sandbox> <p>fallback</p> </iframe></body>");

        assertThat(project.files().get("app/page.tsx").asString()).contains("<iframe src=\"https://x.test/\" sandbox=\"\" />");
        assertThat(project.report().entries(ConversionReport.Kind.DROPPED)).extracting(ConversionReport.Entry::message)
                .contains("<iframe> fallback content (browsers never show it; React could not hydrate it)");
    }

    @Test
    void convertsBrokenHtmlTheWayABrowserParsesIt() {
        assertThat(Html.body("<p>one<p>two<div>three</p><b><i>x</b>y</i>"))
                .isEqualTo("<p>one</p>\n<p>two</p>\n<div>\nthree\n<p />\n<b>\n<i>x</i>\n</b>\n<i>y</i>\n</div>");
    }

    @Test
    void convertsDeeplyNestedDocumentsWithoutStackOverflow() {
        String html = "<div>".repeat(10_000) + "deep" + "</div>".repeat(10_000);

        String page = Html.page("<body>" + html + "</body>");

        assertThat(page).contains("deep");
        assertThat(page.lines().filter(line -> line.strip().equals("<div>")).count()).isGreaterThan(500);
    }

    @Test
    void convertsHugeDocumentsInLinearTime() {
        String small = "<ul>" + "<li class=\"i\"><a href=\"#x\">item</a> <b>bold</b></li>".repeat(2_000) + "</ul>";
        String large = "<ul>" + "<li class=\"i\"><a href=\"#x\">item</a> <b>bold</b></li>".repeat(20_000) + "</ul>";
        Html.body(small);

        long smallTime = time(small);
        long largeTime = time(large);

        assertThat(Duration.ofNanos(largeTime)).isLessThan(Duration.ofNanos(smallTime * 30 + 200_000_000L));
    }

    private static long time(String body) {
        long start = System.nanoTime();
        Html.body(body);
        return System.nanoTime() - start;
    }
}
