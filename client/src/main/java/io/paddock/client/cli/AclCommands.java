package io.paddock.client.cli;

import io.paddock.client.PaddockClient;
import io.paddock.client.StatHolder;
import io.paddock.client.exception.PaddockException;
import io.paddock.protocol.ACL;
import io.paddock.protocol.ClientInfo;
import io.paddock.protocol.Stat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Options;

/**
 * Access control: getAcl, setAcl, addauth and whoami, with zkCli's flags and output.
 *
 * <p>Thread-safe: stateless; each run works on the invocation it is given.
 */
final class AclCommands {
    private AclCommands() {
    }

    static List<Command> all() {
        return List.of(
                new Command("getAcl", "[-s] path", Command.flags("s", "stat"), 1,
                        AclCommands::getAcl),
                new Command("setAcl", "[-s] [-v version] [-R] path acl", new Options()
                        .addOption("s", false, "print the stat")
                        .addOption("v", true, "expected ACL version")
                        .addOption("R", false, "recursive"), 2, AclCommands::setAcl),
                new Command("addauth", "scheme auth", new Options(), 1, AclCommands::addAuth),
                new Command("whoami", "", new Options(), 0, AclCommands::whoAmI));
    }

    private static Reply getAcl(Invocation inv) {
        StatHolder stat = new StatHolder();
        List<ACL> acl = inv.client().getAcl().storingStatIn(stat).forPath(inv.arg(0));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("acl", Acls.json(acl));
        return StatView.withStat(Acls.text(acl), json, stat.get(), inv.has("s"));
    }

    /**
     * With -R every node of the subtree gets the ACL; a node that fails is reported and the
     * walk goes on, as zkCli does, but the command then fails as a whole.
     */
    private static Reply setAcl(Invocation inv) {
        List<ACL> acl = Acls.parse(inv.arg(1));
        int version = inv.intFlag("v", -1);
        PaddockClient client = inv.client();
        if (!inv.has("R")) {
            Stat stat = client.setAcl().withVersion(version).withAcl(acl).forPath(inv.arg(0));
            return StatView.withStat("", new LinkedHashMap<>(), stat, inv.has("s"));
        }
        List<String> paths = Subtree.paths(client, inv.arg(0), null);
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            try {
                client.setAcl().withVersion(version).withAcl(acl).forPath(path);
            } catch (PaddockException e) {
                failures.add(ErrorWords.of(e));
            }
        }
        if (!failures.isEmpty()) {
            throw new ShellException(ShellException.FAILED, String.join("\n", failures));
        }
        return Reply.of("", Map.of("paths", paths));
    }

    private static Reply addAuth(Invocation inv) {
        String auth = inv.argOr(1, "");
        inv.client().addAuth(inv.arg(0), auth.getBytes(StandardCharsets.UTF_8));
        return Reply.of("", Map.of("scheme", inv.arg(0)));
    }

    private static Reply whoAmI(Invocation inv) {
        List<ClientInfo> infos = inv.client().whoAmI();
        List<String> lines = new ArrayList<>(List.of("Auth scheme: User"));
        List<Map<String, Object>> json = new ArrayList<>();
        for (ClientInfo info : infos) {
            lines.add(info.authScheme() + ": " + info.user());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scheme", info.authScheme());
            m.put("user", info.user());
            json.add(m);
        }
        return Reply.of(String.join("\n", lines), Map.of("identities", json));
    }
}
