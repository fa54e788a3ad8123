#!/usr/bin/env python3
"""Web chat customers over the bot's own Direct Line, as the browser's Web Chat talks to it (the load command drives
/api/messages only). Each customer takes a token, starts a conversation and posts the canonical walk's ten messages,
then starts again. Prints turns/s, the bot's CPU a turn (/proc/PID/stat) and its fsyncs a turn (perf's syscall
tracepoint; 'n/a' without perf). Start the bot first with rate limits raised for one client (see MEASUREMENTS.md,
eighteenth measurement):

  python3 tests/ClosureBot.LoadTest/webchat-bench.py --url http://127.0.0.1:3978 --pid PID --customers 16
"""
import argparse, http.client, json, os, shutil, signal, subprocess, threading, time

WALK = ["I want to close my account", "yes", "ACME", "no", "done", "done", "yes", "done", "yes", "ACME"]

p = argparse.ArgumentParser()
p.add_argument('--url', required=True)
p.add_argument('--pid', type=int, required=True, help="the bot's process id")
p.add_argument('--customers', type=int, default=16)
p.add_argument('--turns', type=int, default=3200, help='turns in each measured round')
p.add_argument('--warmup', type=int, default=3000, help='turns before measuring')
p.add_argument('--rounds', type=int, default=2)
a = p.parse_args()
host, port = a.url.split('//')[1].rstrip('/').split(':')


def cpu_seconds():
    fields = open(f'/proc/{a.pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def customer(turns, errors):
    conn = http.client.HTTPConnection(host, int(port), timeout=30)

    def call(method, path, body=None, token=None, origin=False):
        headers = {'Content-Type': 'application/json'}
        if token: headers['Authorization'] = 'Bearer ' + token
        if origin: headers['Origin'] = a.url.rstrip('/')
        conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = conn.getresponse()
        data = response.read()
        if response.status >= 300: raise RuntimeError(f'{method} {path}: {response.status} {data[:200]!r}')
        return json.loads(data or b'{}')

    done = 0
    try:
        while done < turns:
            token = call('POST', '/api/webchat/token', {}, origin=True)['token']
            conversation = call('POST', '/v3/directline/conversations', token=token)['conversationId']
            for text in WALK[:turns - done]:
                call('POST', f'/v3/directline/conversations/{conversation}/activities',
                     {'type': 'message', 'from': {'id': 'customer'}, 'text': text}, token=token)
                done += 1
    except Exception as error:  # reported once, after the round
        errors.append(str(error))


def run(turns):
    errors = []
    threads = [threading.Thread(target=customer, args=(turns // a.customers, errors)) for _ in range(a.customers)]
    for t in threads: t.start()
    for t in threads: t.join()
    if errors: raise SystemExit(f'{len(errors)} customers failed; first: {errors[0]}')
    return turns // a.customers * a.customers


run(a.warmup)
for _ in range(a.rounds):
    perf = None
    if shutil.which('perf'):
        perf = subprocess.Popen(['perf', 'stat', '-x,', '-e', 'syscalls:sys_enter_fsync', '-p', str(a.pid)],
                                stderr=subprocess.PIPE, text=True)
        time.sleep(0.3)
    cpu0, t0 = cpu_seconds(), time.time()
    turns = run(a.turns)
    cpu1, t1 = cpu_seconds(), time.time()
    fsyncs = 'n/a'
    if perf:
        perf.send_signal(signal.SIGINT)
        last = perf.communicate()[1].strip().splitlines()[-1].split(',')[0]
        fsyncs = f'{int(last) / turns:.2f}' if last.isdigit() else 'n/a'
    print(f'{a.customers} web chat customers, {turns} turns: {turns / (t1 - t0):.0f} turns/s, '
          f'bot CPU {(cpu1 - cpu0) / turns * 1e6:.0f} us a turn, fsync {fsyncs} a turn')
