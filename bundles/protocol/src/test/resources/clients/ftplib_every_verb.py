#!/usr/bin/env python3
"""Drives every verb of the server with Python's ftplib, as one scripted session.

Usage: ftplib_every_verb.py HOST PORT MODE   (MODE: pasv, epsv, port or eprt)

The session logs in as alice/secret; the home must hold big.bin (a file far bigger than the socket buffers).
Prints one line per step:  STEP <label> <reply codes, comma-separated> <base64 of the replies> <base64 of a value>
The Java test (PythonFtplibTest) asserts codes, texts and the files left on disk; this script asserts nothing.
"""
import base64
import ftplib
import hashlib
import io
import socket
import sys

HOST, PORT, MODE = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# the same bytes the Java side computes: (i * 7 + 3) % 251
DATA = bytes((i * 7 + 3) % 251 for i in range(300_000))


class Client(ftplib.FTP):
    """ftplib with every reply recorded, and EPSV / EPRT on IPv4 when the mode asks for them."""

    def __init__(self):
        super().__init__(timeout=20)
        self.replies = []

    def getmultiline(self):
        reply = super().getmultiline()
        self.replies.append(reply)
        return reply

    def makepasv(self):
        if MODE == "epsv":
            return ftplib.parse229(self.sendcmd("EPSV"), self.sock.getpeername())
        return super().makepasv()

    def sendport(self, host, port):
        if MODE == "eprt":
            return self.sendeprt(host, port)
        return super().sendport(host, port)


def b64(text):
    return base64.b64encode(str(text).encode("utf-8")).decode("ascii")


def step(ftp, label, action):
    """Runs one step; an FTP error reply is a result like any other (the Java side decides)."""
    start = len(ftp.replies)
    try:
        value = action()
    except ftplib.all_errors as e:
        value = "error: " + str(e)
    replies = ftp.replies[start:]
    codes = ",".join(r[:3] for r in replies) or "-"
    print("STEP", label, codes, b64("\n".join(replies)), b64("" if value is None else value), flush=True)
    return value


def collect(ftp, command):
    lines = []
    ftp.retrlines(command, lines.append)
    return "\n".join(lines)


def retrieve(ftp, command, rest=None):
    out = bytearray()
    ftp.retrbinary(command, out.extend, rest=rest)
    return bytes(out)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def stat_during_download(ftp):
    conn = ftp.transfercmd("RETR big.bin")
    received = 0
    # once data has arrived the transfer is surely running on the server
    while received < 65536:
        received += len(conn.recv(65536))
    ftp.sendcmd("STAT")
    with conn:
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            received += len(chunk)
    ftp.voidresp()
    return received


def abort_download(ftp):
    conn = ftp.transfercmd("RETR big.bin")
    conn.recv(65536)
    ftp.abort()          # ABOR as urgent data; the transfer's 426 comes first
    ftp.getresp()        # then ABOR's own 226
    conn.close()
    return None


def raw(ftp, data):
    ftp.sock.sendall(data)
    return ftp.getresp()


def main():
    ftp = Client()
    ftp.set_pasv(MODE in ("pasv", "epsv"))
    step(ftp, "welcome", lambda: ftp.connect(HOST, PORT))
    step(ftp, "pwd_before_login", lambda: ftp.sendcmd("PWD"))
    step(ftp, "feat", lambda: ftp.sendcmd("FEAT"))
    step(ftp, "help", lambda: ftp.sendcmd("HELP"))
    step(ftp, "help_verb", lambda: ftp.sendcmd("HELP STOU"))
    step(ftp, "syst", lambda: ftp.sendcmd("SYST"))
    step(ftp, "noop", lambda: ftp.sendcmd("NOOP"))
    step(ftp, "clnt", lambda: ftp.sendcmd("CLNT python-ftplib"))
    step(ftp, "opts_utf8", lambda: ftp.sendcmd("OPTS UTF8 ON"))
    step(ftp, "site_help", lambda: ftp.sendcmd("SITE HELP"))
    step(ftp, "bad_login", lambda: ftp.login("alice", "wrong"))
    step(ftp, "login", lambda: ftp.login("alice", "secret"))

    step(ftp, "pwd", lambda: ftp.sendcmd("PWD"))
    step(ftp, "mkd_quotes", lambda: ftp.mkd('dir "q"'))
    step(ftp, "cwd", lambda: ftp.cwd('dir "q"'))
    step(ftp, "xmkd", lambda: ftp.sendcmd("XMKD sub"))
    step(ftp, "xpwd", lambda: ftp.sendcmd("XPWD"))
    step(ftp, "xcwd", lambda: ftp.sendcmd("XCWD sub"))
    step(ftp, "cdup", lambda: ftp.sendcmd("CDUP"))
    step(ftp, "xcup", lambda: ftp.sendcmd("XCUP"))
    step(ftp, "pwd_root", lambda: ftp.pwd())

    step(ftp, "type_i", lambda: ftp.sendcmd("TYPE I"))
    step(ftp, "mode_s", lambda: ftp.sendcmd("MODE S"))
    step(ftp, "mode_b", lambda: ftp.sendcmd("MODE B"))
    step(ftp, "stru_f", lambda: ftp.sendcmd("STRU F"))
    step(ftp, "stru_r", lambda: ftp.sendcmd("STRU R"))
    step(ftp, "allo", lambda: ftp.sendcmd("ALLO 300000"))

    step(ftp, "stor", lambda: ftp.storbinary("STOR up.bin", io.BytesIO(DATA)))
    step(ftp, "size", lambda: ftp.size("up.bin"))
    step(ftp, "appe", lambda: ftp.storbinary("APPE up.bin", io.BytesIO(b"tail")))
    step(ftp, "stor_part", lambda: ftp.storbinary("STOR resumed.bin", io.BytesIO(DATA[:100_000])))
    step(ftp, "rest_stor", lambda: ftp.storbinary("STOR resumed.bin", io.BytesIO(DATA[100_000:]), rest=100_000))
    step(ftp, "retr", lambda: sha256(retrieve(ftp, "RETR up.bin")))
    step(ftp, "rest_retr", lambda: retrieve(ftp, "RETR up.bin", rest=299_998).hex())
    step(ftp, "type_a", lambda: ftp.sendcmd("TYPE A"))
    step(ftp, "stor_ascii", lambda: ftp.storlines("STOR lines.txt", io.BytesIO(b"one\ntwo\n")))
    step(ftp, "retr_ascii", lambda: collect(ftp, "RETR lines.txt"))
    step(ftp, "size_ascii", lambda: ftp.sendcmd("SIZE lines.txt"))
    step(ftp, "type_i_again", lambda: ftp.sendcmd("TYPE I"))
    step(ftp, "stou", lambda: ftp.storbinary("STOU", io.BytesIO(b"unique one")))
    step(ftp, "stou_prefix", lambda: ftp.storbinary("STOU report", io.BytesIO(b"unique two")))

    step(ftp, "nlst", lambda: "\n".join(ftp.nlst()))
    step(ftp, "list", lambda: collect(ftp, "LIST"))
    step(ftp, "list_la", lambda: collect(ftp, "LIST -la"))
    step(ftp, "list_glob", lambda: collect(ftp, "LIST *.bin"))
    step(ftp, "mlsd", lambda: "\n".join(name + " " + ";".join(k + "=" + v for k, v in sorted(facts.items()))
                                        for name, facts in ftp.mlsd()))
    step(ftp, "mlsd_facts", lambda: "\n".join(name + " " + ";".join(sorted(facts))
                                              for name, facts in ftp.mlsd(facts=["type", "size"])))
    step(ftp, "mlst_selected", lambda: ftp.sendcmd("MLST up.bin"))
    step(ftp, "opts_mlst_all", lambda: ftp.sendcmd(
        "OPTS MLST type;size;modify;perm;unique;unix.mode;unix.uid;unix.gid;unix.owner;unix.group;"))
    step(ftp, "mlst", lambda: ftp.sendcmd("MLST up.bin"))
    step(ftp, "mlsd_unix", lambda: "\n".join(name + " " + ";".join(k + "=" + v for k, v in sorted(facts.items()))
                                             for name, facts in ftp.mlsd()))
    step(ftp, "stat", lambda: ftp.sendcmd("STAT"))
    step(ftp, "stat_path", lambda: ftp.sendcmd("STAT /"))
    step(ftp, "mdtm", lambda: ftp.sendcmd("MDTM up.bin"))
    step(ftp, "mfmt", lambda: ftp.sendcmd("MFMT 20200102030405 up.bin"))
    step(ftp, "mdtm_after", lambda: ftp.sendcmd("MDTM up.bin"))

    step(ftp, "opts_hash", lambda: ftp.sendcmd("OPTS HASH"))
    step(ftp, "hash_sha256", lambda: ftp.sendcmd("HASH up.bin"))
    step(ftp, "opts_hash_sha1", lambda: ftp.sendcmd("OPTS HASH SHA-1"))
    step(ftp, "hash_sha1", lambda: ftp.sendcmd("HASH up.bin"))
    step(ftp, "opts_hash_md5", lambda: ftp.sendcmd("OPTS HASH md5"))
    step(ftp, "hash_md5", lambda: ftp.sendcmd("HASH up.bin"))
    step(ftp, "opts_hash_bad", lambda: ftp.sendcmd("OPTS HASH CRC-37"))
    step(ftp, "hash_dir", lambda: ftp.sendcmd('HASH dir "q"'))
    step(ftp, "feat_after_opts", lambda: ftp.sendcmd("FEAT"))

    step(ftp, "site_chmod", lambda: ftp.sendcmd("SITE CHMOD 640 up.bin"))
    step(ftp, "site_chmod_bad", lambda: ftp.sendcmd("SITE CHMOD 9z up.bin"))
    step(ftp, "site_chmod_4", lambda: ftp.sendcmd("SITE CHMOD 0604 lines.txt"))
    step(ftp, "site_unknown", lambda: ftp.sendcmd("SITE NOPE"))

    step(ftp, "rename_file", lambda: ftp.rename("resumed.bin", "renamed.bin"))
    step(ftp, "rename_dir", lambda: ftp.rename('dir "q"/sub', "moved"))
    step(ftp, "stor_doomed", lambda: ftp.storbinary("STOR doomed.bin", io.BytesIO(b"x")))
    step(ftp, "dele", lambda: ftp.delete("doomed.bin"))
    step(ftp, "rmd", lambda: ftp.rmd("moved"))
    step(ftp, "mkd_x2", lambda: ftp.mkd("x2"))
    step(ftp, "xrmd", lambda: ftp.sendcmd("XRMD x2"))
    step(ftp, "cwd_quotes", lambda: ftp.cwd('/dir "q"'))
    step(ftp, "rmd_cwd", lambda: ftp.rmd('/dir "q"'))
    step(ftp, "cwd_back", lambda: ftp.cwd("/"))

    step(ftp, "stat_during_transfer", lambda: stat_during_download(ftp))
    step(ftp, "abor_during_transfer", lambda: abort_download(ftp))
    step(ftp, "noop_after_abor", lambda: ftp.sendcmd("NOOP"))
    step(ftp, "abor_idle", lambda: ftp.sendcmd("ABOR"))
    step(ftp, "invalid_utf8", lambda: raw(ftp, b"CWD caf\xe9\r\n"))

    step(ftp, "rein", lambda: ftp.sendcmd("REIN"))
    step(ftp, "pwd_after_rein", lambda: ftp.sendcmd("PWD"))
    step(ftp, "login_again", lambda: ftp.login("alice", "secret"))
    step(ftp, "type_after_rein", lambda: ftp.sendcmd("TYPE I"))

    step(ftp, "epsv_all", lambda: ftp.sendcmd("EPSV ALL"))
    step(ftp, "pasv_after_all", lambda: ftp.sendcmd("PASV"))
    step(ftp, "port_after_all", lambda: ftp.sendcmd("PORT 127,0,0,1,200,10"))
    step(ftp, "eprt_after_all", lambda: ftp.sendcmd("EPRT |1|127.0.0.1|51210|"))
    step(ftp, "epsv_after_all", lambda: ftp.sendcmd("EPSV"))
    step(ftp, "quit", lambda: ftp.quit())

    # a second connection: failed logins up to max.login.attempts (3) end it
    other = Client()
    step(other, "second_welcome", lambda: other.connect(HOST, PORT))
    for attempt in (1, 2, 3):
        step(other, "wrong_password_" + str(attempt), lambda: other.login("alice", "nope"))
    step(other, "closed_after_attempts", lambda: other.sock.recv(1) == b"")


if __name__ == "__main__":
    main()
