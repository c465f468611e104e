package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.testing.KnownSecret;
import io.totpkit.vault.Vault;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff pages in a real headless Chromium: first sign-in with the enrolment of the member's own TOTP, the accounts
 * an OPERATOR may use (and no other), a code revealed with its countdown running and the code hidden at expiry, an
 * account name crafted as HTML rendered as text, a screenshot without a readable QR code added from its printed key,
 * and the sign-in page on a 390 × 844 phone screen.
 */
class PagesBrowserTest extends WithServer {
  Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(1280, 900);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  /** Signs {@code member} in through the pages, enrolling the factor from the setup key the page shows. */
  String signIn(String member) {
    browser.driver.get(fx.server.uri().resolve("/sign-in").toString());
    browser.driver.findElement(By.id("member")).sendKeys(member);
    browser.driver.findElement(By.id("passphrase")).sendKeys(ServerFixture.PASSPHRASE);
    browser.driver.findElement(By.cssSelector("form.card button")).click();
    WebElement key = new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("setup-key")));
    String setupKey = key.getText();
    WebElement qr = browser.driver.findElement(By.cssSelector("img.qr"));
    assertThat(((Number) browser.driver.executeScript("return arguments[0].naturalWidth", qr)).intValue())
        .as("the enrolment QR code loads").isPositive();
    browser.screenshot("enrol-" + member);
    fx.clock.advance(Duration.ofSeconds(30));
    String code = Totp.builder(Secret.fromBase32(setupKey)).build().generate(fx.clock.instant());
    browser.driver.findElement(By.id("code")).sendKeys(code);
    browser.driver.findElement(By.cssSelector("form.card button")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/accounts"));
    return setupKey;
  }

  @Test
  void firstSignIn_enrolsFactor_operatorSeesOnlyGrantedAccounts() {
    signIn(ServerFixture.OPERATOR);
    String page = browser.driver.findElement(By.tagName("main")).getText();
    assertThat(page).contains("Acme").contains("ops").doesNotContain("Shop");
    assertThat(browser.driver.getPageSource()).doesNotContain(fx.ungranted.toString());
    KnownSecret.assertNoSecretIn("accounts page", browser.driver.getPageSource());
    browser.screenshot("accounts-operator");
    browser.driver.findElement(By.cssSelector("form.sign-out button")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/sign-in"));
    browser.driver.get(fx.server.uri().resolve("/accounts").toString());
    assertThat(browser.driver.getCurrentUrl()).endsWith("/sign-in");
  }

  @Test
  void showCode_countsDown_andHidesTheCodeAtExpiry() {
    signIn(ServerFixture.OPERATOR);
    Instant now = fx.clock.instant();
    fx.clock.advance(Duration.ofSeconds(27 - now.getEpochSecond() % 30));   // three seconds before the step ends
    browser.driver.findElement(By.cssSelector("form.reveal button")).click();
    WebElement code = new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
    String expected = Totp.builder(Secret.fromBase32(KnownSecret.BASE32)).build().generate(fx.clock.instant());
    assertThat(code.getText()).isEqualTo(expected);
    browser.screenshot("code-shown");
    new WebDriverWait(browser.driver, Duration.ofSeconds(8))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("expired")));
    assertThat(browser.driver.findElement(By.id("code-box")).isDisplayed()).isFalse();
    assertThat(browser.driver.findElement(By.id("code")).getAttribute("textContent")).isEmpty();
    browser.screenshot("code-expired");
    KnownSecret.assertNoSecretIn("code page", browser.driver.getPageSource());
  }

  @Test
  void accountNamedAsHtml_rendersAsText() {
    try (Vault owner = fx.owner()) {
      owner.add(OtpAuthUri.totp(Secret.generate(20)).issuer("<img src=x onerror=alert(1)>")
          .account("<script>alert(2)</script>").build(), Set.of("client:a"));
    }
    signIn(ServerFixture.OPERATOR);
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("<img src=x onerror=alert(1)>").contains("<script>alert(2)</script>");
    assertThat(browser.driver.findElements(By.cssSelector("main img"))).isEmpty();
    assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    browser.screenshot("xss-as-text");
  }

  @Test
  void owner_addsAScreenshot_seesWhatWasFound_thenTheAccount() throws Exception {
    java.nio.file.Path shot = dir.resolve("screenshot.png");
    java.nio.file.Files.write(shot, io.totpkit.qr.QrCodes.png(OtpAuthUri.parse(
        "otpauth://totp/Instagram:brand.team?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Instagram"),
        io.totpkit.qr.QrOptions.defaults()));
    signIn(ServerFixture.OWNER);
    browser.driver.get(fx.server.uri().resolve("/add").toString());
    browser.driver.findElement(By.id("image")).sendKeys(shot.toAbsolutePath().toString());
    browser.driver.findElement(By.cssSelector("#add-form button")).click();
    WebElement table = new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.found")));
    assertThat(table.getText()).contains("Instagram").contains("brand.team").contains("30 s");
    assertThat(browser.driver.getPageSource()).doesNotContain("JBSWY3DP").doesNotContain("otpauth");
    browser.screenshot("add-found");
    browser.driver.findElement(By.id("tags")).sendKeys("client:insta");
    browser.driver.findElement(By.cssSelector("form.card button")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/accounts"));
    assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Instagram").contains("client:insta");
    browser.screenshot("add-added");
    browser.driver.get(fx.server.uri().resolve("/audit").toString());
    assertThat(browser.driver.findElement(By.id("verdict")).getText()).startsWith("Audit trail intact");
    assertThat(browser.driver.findElement(By.tagName("table")).getText()).contains("entry added")
        .contains("Instagram (brand.team)");
    browser.screenshot("audit");
  }

  /**
   * A screenshot whose QR code glare washed out: the page says how it was read and asks for the names, the picture
   * waits, the account is added from the printed key, and its code is the key's. Real Tesseract.
   */
  @Test
  void owner_addsAScreenshotWithoutAReadableCode_givesTheNames_andTheCodeIsThePrintedKeys() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(io.totpkit.ocr.PrintedKeys.isAvailable(),
        "Tesseract is not installed (apt-get install libtesseract5 tesseract-ocr-eng)");
    java.nio.file.Path shot = dir.resolve("glare.png");
    java.nio.file.Files.write(shot, SetupPictures.png(null, SetupPictures.KEY));
    signIn(ServerFixture.OWNER);
    browser.driver.get(fx.server.uri().resolve("/add").toString());
    browser.driver.findElement(By.id("image")).sendKeys(shot.toAbsolutePath().toString());
    browser.driver.findElement(By.cssSelector("#add-form button")).click();
    WebElement asked = new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("add-message")));
    assertThat(asked.getText()).startsWith("No QR code could be read in the picture, only the setup key printed in "
        + "it: give the service and the account name");
    assertThat(browser.driver.findElement(By.id("read-by")).getText()).isEqualTo("Read as: no QR code could be read; "
        + "the printed key was read by OCR, every character certain (32 characters)");
    assertThat(browser.driver.findElement(By.id("pending")).isDisplayed()).isTrue();
    browser.screenshot("add-no-qr-asked");

    browser.driver.findElement(By.id("issuer")).sendKeys("TikTok");
    browser.driver.findElement(By.id("account")).sendKeys("brand");
    browser.driver.findElement(By.cssSelector("#add-form button")).click();
    WebElement table = new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.found")));
    assertThat(table.getText()).contains("TikTok").contains("brand").contains("30 s");
    assertThat(browser.driver.findElement(By.id("read-by")).getText()).startsWith("How: no QR code could be read");
    assertThat(browser.driver.findElement(By.id("note")).getText()).startsWith("Note: the key was read from the "
        + "picture by OCR");
    ScreenshotApiTest.assertNoKeyIn("found page", browser.driver.getPageSource());
    browser.screenshot("add-no-qr-found");

    browser.driver.findElement(By.id("tags")).sendKeys("client:c");
    browser.driver.findElement(By.cssSelector("main form.card button")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/accounts"));
    browser.driver.findElement(By.cssSelector("button[aria-label='Show code of TikTok brand']")).click();
    WebElement code = new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
    assertThat(code.getText()).isEqualTo(Totp.builder(Secret.fromBase32(SetupPictures.KEY)).build()
        .generate(fx.clock.instant()));
    ScreenshotApiTest.assertNoKeyIn("code page", browser.driver.getPageSource());
  }

  @Test
  void onboardingLink_onAPhone_clientGetsTheCode_andTheLinkWorksOnce() throws Exception {
    signIn(ServerFixture.OWNER);
    browser.driver.get(fx.server.uri().resolve("/onboarding").toString());
    browser.driver.findElement(By.id("label")).sendKeys("Bakery & Co <b>");
    browser.driver.findElement(By.id("link-tags")).sendKeys("client:bakery");
    browser.driver.findElement(By.cssSelector("form.card button")).click();
    String link = new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("new-link"))).getText();
    browser.screenshot("onboarding-link-made");
    java.nio.file.Path shot = dir.resolve("client-screenshot.png");
    java.nio.file.Files.write(shot, io.totpkit.qr.QrCodes.png(OtpAuthUri.parse(
        "otpauth://totp/Shopify:owner%40bakery.example?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF&issuer=Shopify"),
        io.totpkit.qr.QrOptions.defaults()));
    try (Browser phone = new Browser(390, 844)) {
      phone.driver.get(link);
      assertThat(phone.driver.findElement(By.tagName("h1")).getText()).contains("Bakery & Co <b>");
      phone.screenshot("onboard-phone");
      Object wide = phone.driver.executeScript("var out = []; document.querySelectorAll('body *').forEach(function (e) {"
          + " var r = e.getBoundingClientRect(); if (r.right > window.innerWidth) { out.push(e.tagName + '.'"
          + " + e.className + '#' + e.id + ' ' + Math.round(r.right)); } }); return out.join(', ');");
      long width = ((Number) phone.driver.executeScript("return document.documentElement.scrollWidth")).longValue();
      assertThat(width).as("wider than the screen: " + wide).isLessThanOrEqualTo(390);
      phone.driver.findElement(By.id("image")).sendKeys(shot.toAbsolutePath().toString());
      phone.driver.findElement(By.cssSelector("#add-form button")).click();
      WebElement code = new WebDriverWait(phone.driver, Duration.ofSeconds(10))
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
      assertThat(code.getText()).isEqualTo(Totp.builder(Secret.fromBase32("KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF"))
          .build().generate(fx.clock.instant()));
      phone.screenshot("onboard-code-phone");
      phone.driver.get(link);
      assertThat(phone.driver.findElement(By.tagName("main")).getText()).contains("used already");
      phone.screenshot("onboard-used-phone");
    }
  }

  @Test
  void add_screenshotPastedFromTheClipboard_isRead() {
    signIn(ServerFixture.OWNER);
    browser.driver.get(fx.server.uri().resolve("/add").toString());
    String png = java.util.Base64.getEncoder().encodeToString(io.totpkit.qr.QrCodes.png(OtpAuthUri.parse(
        "otpauth://totp/Shopify:pasted?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Shopify"),
        io.totpkit.qr.QrOptions.defaults()));
    // A paste event carrying an image file, as the browser fires when a screenshot is pasted (Ctrl-V / Cmd-V).
    browser.driver.executeScript("var bytes = Uint8Array.from(atob(arguments[0]), function (c) { return c.charCodeAt(0); });"
        + "var file = new File([bytes], 'pasted.png', {type: 'image/png'});"
        + "var data = new DataTransfer(); data.items.add(file);"
        + "document.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true}));", png);
    assertThat(browser.driver.findElement(By.id("pasted")).isDisplayed()).isTrue();
    browser.screenshot("add-pasted");
    browser.driver.findElement(By.cssSelector("#add-form button")).click();
    WebElement table = new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.found")));
    assertThat(table.getText()).contains("Shopify").contains("pasted");
  }

  @Test
  void signInPage_fitsAPhoneScreen() {
    try (Browser phone = new Browser(390, 844)) {
      phone.driver.get(fx.server.uri().resolve("/sign-in").toString());
      long width = ((Number) phone.driver.executeScript("return document.documentElement.scrollWidth")).longValue();
      assertThat(width).isLessThanOrEqualTo(390);
      assertThat(phone.driver.findElement(By.cssSelector("label[for=member]")).isDisplayed()).isTrue();
      phone.screenshot("sign-in-phone");
    }
  }
}
