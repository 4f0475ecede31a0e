package io.kameng.payment.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NoticeSignatureTest {

  static KeyPair gateway;
  static KeyPair someoneElse;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    gateway = generator.generateKeyPair();
    someoneElse = generator.generateKeyPair();
  }

  static Map<String, String> signed(KeyPair signer) throws Exception {
    Map<String, String> notice = new HashMap<>();
    notice.put("out_trade_no", "202611220000000001P1");
    notice.put("trade_no", "SBX1");
    notice.put("total_amount", "48.00");
    notice.put("trade_status", "TRADE_SUCCESS");
    notice.put("sign_type", "RSA2");
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(signer.getPrivate());
    signature.update(
        "out_trade_no=202611220000000001P1&total_amount=48.00&trade_no=SBX1&trade_status=TRADE_SUCCESS"
            .getBytes(StandardCharsets.UTF_8));
    notice.put("sign", Base64.getEncoder().encodeToString(signature.sign()));
    return notice;
  }

  @Test
  void aNoticeSignedByTheGatewayVerifiesWithItsPublicKey() throws Exception {
    String publicKey = Base64.getEncoder().encodeToString(gateway.getPublic().getEncoded());
    assertThat(NoticeSignature.verifies(signed(gateway), NoticeSignature.publicKey(publicKey)))
        .isTrue();
  }

  @Test
  void aChangedAmountAnotherSignerOrNoSignatureDoesNotVerify() throws Exception {
    Map<String, String> changed = signed(gateway);
    changed.put("total_amount", "0.01");
    Map<String, String> unsigned = signed(gateway);
    unsigned.remove("sign");
    Map<String, String> garbage = signed(gateway);
    garbage.put("sign", "not base64 !");
    Map<String, String> extra = signed(gateway);
    extra.put("refund_fee", "48.00");

    for (Map<String, String> notice :
        java.util.List.of(changed, signed(someoneElse), unsigned, garbage, extra)) {
      assertThat(NoticeSignature.verifies(notice, gateway.getPublic()))
          .as(notice.toString())
          .isFalse();
    }
  }
}
