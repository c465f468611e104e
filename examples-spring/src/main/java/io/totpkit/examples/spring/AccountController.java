package io.totpkit.examples.spring;

import io.totpkit.spring.RecoveryCodes;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page behind both factors, and the recovery codes. A user who has just confirmed their enrollment arrives here
 * with no recovery codes: the page then makes ten and shows them, this once (the starter keeps only their hashes).
 * Later the page shows how many are left, and a button that replaces them.
 */
@Controller
class AccountController {
  private final RecoveryCodes recoveryCodes;

  AccountController(RecoveryCodes recoveryCodes) {
    this.recoveryCodes = recoveryCodes;
  }

  // account:begin
  @GetMapping("/")
  String account(Principal user, Model model, HttpServletResponse response) {
    if (recoveryCodes.remaining(user.getName()) == 0) {
      return showNewCodes(user, model, response); // just enrolled (or every code used): ten new ones, shown once
    }
    model.addAttribute("name", user.getName());
    model.addAttribute("remaining", recoveryCodes.remaining(user.getName()));
    return "account";
  }

  @PostMapping("/recovery-codes")
  String replaceCodes(Principal user, Model model, HttpServletResponse response) {
    return showNewCodes(user, model, response);
  }

  private String showNewCodes(Principal user, Model model, HttpServletResponse response) {
    List<String> codes = recoveryCodes.generate(user.getName());
    response.setHeader("Cache-Control", "no-store"); // the only copy the user will ever see
    model.addAttribute("codes", codes);
    return "recovery-codes";
  }
  // account:end
}
