<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AtomicFile</name>
    <message>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1은(는) 폴더가 아닙니다</translation>
    </message>
    <message>
        <source>the folder %1 does not exist</source>
        <translation>폴더 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>폴더입니다</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <source>Not capturing</source>
        <translation>캡처하지 않는 중</translation>
    </message>
    <message>
        <source>Trace Python (semaphore waits and sleeps)</source>
        <translation>파이썬 추적(세마포어 대기와 sleep)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>시작(&amp;S)</translation>
    </message>
    <message>
        <source>Capture Another Program</source>
        <translation>다른 프로그램 캡처</translation>
    </message>
    <message>
        <source>optional: a command to run, e.g. python3 prog.py {demo}/delay/1000</source>
        <translation>선택 사항: 실행할 명령, 예: python3 prog.py {demo}/delay/1000</translation>
    </message>
    <message>
        <source>The command&apos;s output appears here.</source>
        <translation>명령의 출력이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>프록시:</translation>
    </message>
    <message>
        <source>bash:</source>
        <translation>bash:</translation>
    </message>
    <message>
        <source>PowerShell:</source>
        <translation>PowerShell:</translation>
    </message>
    <message>
        <source>cmd:</source>
        <translation>cmd:</translation>
    </message>
    <message>
        <source>Python tracer:</source>
        <translation>파이썬 추적기:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>명령:</translation>
    </message>
    <message>
        <source>HTTPS is tunnelled, never decrypted: each tunnel is one bar, and the requests inside it cannot be seen. The Python tracer sees them.</source>
        <translation>HTTPS는 복호화 없이 터널로 전달됩니다: 터널마다 막대 하나이며 안의 요청은 볼 수 없습니다. 파이썬 추적기는 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Cannot listen on 127.0.0.1: %1</source>
        <translation>127.0.0.1에서 연결을 받을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The Python tracer cannot listen: %1</source>
        <translation>파이썬 추적기가 연결을 받을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>[the command exited with status %1]</source>
        <translation>[명령이 상태 %1(으)로 종료되었습니다]</translation>
    </message>
    <message>
        <source>[cannot start the command: %1]</source>
        <translation>[명령을 시작할 수 없습니다: %1]</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>[the Python tracer was not active]</source>
        <translation>[파이썬 추적기가 동작하지 않았습니다]</translation>
    </message>
    <message>
        <source>(the tracer&apos;s files were not found)</source>
        <translation>(추적기 파일을 찾지 못했습니다)</translation>
    </message>
    <message>
        <source>Command output</source>
        <translation>명령 출력</translation>
    </message>
</context>
<context>
    <name>CaptureReport</name>
    <message>
        <source>captured %1 requests on %2 client connections (%3 on a reused one)</source>
        <translation>클라이언트 연결 %2개에서 요청 %1개를 캡처했습니다(재사용된 연결에서 %3개)</translation>
    </message>
    <message>
        <source>; %1 HTTPS tunnels, encrypted: their requests cannot be seen</source>
        <translation>; HTTPS 터널 %1개, 암호화되어 안의 요청은 볼 수 없습니다</translation>
    </message>
    <message>
        <source>; %1 refused</source>
        <translation>; %1개 거부</translation>
    </message>
    <message>
        <source>; the proxy&apos;s own time: median %1 µs per request</source>
        <translation>; 프록시 자체 시간: 요청당 중앙값 %1 µs</translation>
    </message>
</context>
<context>
    <name>ChartData</name>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <comment>a histogram bin: from–to in ms</comment>
        <translation>%1–%2</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Try &apos;crawlscope code --help&apos;.</source>
        <translation>&apos;crawlscope code --help&apos;를 실행해 보세요.</translation>
    </message>
    <message>
        <source>Print the Python asyncio program that does what &apos;crawlscope run&apos; does with the same options: requests in a loop, httpx with asyncio.gather, or asyncio.Semaphore(k) with the delay held inside. {demo} in a URL stands for the demo server: the program reads $CRAWLSCOPE_DEMO, or else uses http://127.0.0.1:%1 (&apos;crawlscope serve-demo --port %1&apos;).</source>
        <translation>같은 옵션으로 &apos;crawlscope run&apos;이 하는 일을 그대로 하는 Python asyncio 프로그램을 출력합니다: 반복문 안의 requests, asyncio.gather를 쓰는 httpx, 또는 지연을 안에서 유지하는 asyncio.Semaphore(k). URL의 {demo}는 데모 서버를 뜻합니다: 프로그램은 $CRAWLSCOPE_DEMO를 읽고, 없으면 http://127.0.0.1:%1을 씁니다(&apos;crawlscope serve-demo --port %1&apos;).</translation>
    </message>
    <message>
        <source>URLs to fetch.</source>
        <translation>가져올 URL.</translation>
    </message>
    <message>
        <source>code writes one program: choose --mode sequential, gather or limited</source>
        <translation>code는 프로그램 하나를 씁니다: --mode를 sequential, gather, limited 중에서 고르세요</translation>
    </message>
    <message>
        <source>a crawl finds its pages as it goes; code writes the program of a list of URLs</source>
        <translation>크롤링은 진행하면서 페이지를 찾습니다. code는 URL 목록의 프로그램을 씁니다</translation>
    </message>
    <message>
        <source>no valid URL to write a program for</source>
        <translation>프로그램으로 쓸 올바른 URL이 없습니다</translation>
    </message>
    <message>
        <source>Try &apos;crawlscope run --help&apos;.</source>
        <translation>&apos;crawlscope run --help&apos;를 실행해 보세요.</translation>
    </message>
    <message>
        <source>crawl (%1): pages %2, retried %3, not HTML %4; skipped %5%6; robots.txt %7
</source>
        <translation>크롤링 (%1): 페이지 %2, 재시도 %3, HTML 아님 %4; 건너뜀 %5%6; robots.txt %7
</translation>
    </message>
    <message>
        <source>obeyed</source>
        <translation>준수함</translation>
    </message>
    <message>
        <source>IGNORED, by choice</source>
        <translation>무시함(사용자 선택)</translation>
    </message>
    <message>
        <source>; Crawl-delay %1 ms</source>
        <translation>; Crawl-delay %1 ms</translation>
    </message>
    <message>
        <source>%1: concurrency capped at %2 requests in flight: %3</source>
        <translation>%1: 동시성이 진행 중 요청 %2개로 제한되었습니다: %3</translation>
    </message>
    <message>
        <source>Cannot export to &quot;%1&quot;: unknown file type (use %2)</source>
        <translation>&quot;%1&quot;(으)로 내보낼 수 없습니다: 알 수 없는 파일 형식입니다(%2 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>%1을(를) 썼습니다</translation>
    </message>
    <message>
        <source>Fetch URLs sequentially, all at once (gather), or through a semaphore of k permits (limited), and report honest timings for every request. With --crawl, follow their links politely.</source>
        <translation>URL을 순차로, 한꺼번에(gather), 또는 허가 k개의 세마포어를 거쳐(limited) 가져오고, 모든 요청의 실제 시간을 보고합니다. --crawl을 주면 링크를 예의 바르게 따라갑니다.</translation>
    </message>
    <message>
        <source>Start the built-in demo server; {demo} in a URL becomes its base URL.</source>
        <translation>내장 데모 서버를 시작합니다. URL의 {demo}는 그 기본 URL이 됩니다.</translation>
    </message>
    <message>
        <source>Print the summary as one JSON object on stdout.</source>
        <translation>요약을 JSON 객체 하나로 표준 출력에 씁니다.</translation>
    </message>
    <message>
        <source>Instead of running, read runs from FILE (.json, .csv, .har) and summarize or convert them with -o.</source>
        <translation>실행하는 대신 FILE(.json, .csv, .har)에서 실행 기록을 읽어 요약하거나 -o로 변환합니다.</translation>
    </message>
    <message>
        <source>Write the results to FILE, format by extension (%1). Repeatable.</source>
        <translation>결과를 FILE에 씁니다. 형식은 확장자로 정합니다(%1). 여러 번 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>--scale takes a factor from 0.25 to 8, not &quot;%1&quot;</source>
        <translation>--scale은 0.25부터 8까지의 배율을 받습니다. &quot;%1&quot;은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>a URL uses %1 but --demo is not given</source>
        <translation>URL이 %1을(를) 쓰지만 --demo가 주어지지 않았습니다</translation>
    </message>
    <message>
        <source>crawlscope run: cannot start the demo server: %1</source>
        <translation>crawlscope run: 데모 서버를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>no valid URL to run</source>
        <translation>실행할 올바른 URL이 없습니다</translation>
    </message>
    <message>
        <source>interrupted: cancelling, keeping what was recorded</source>
        <translation>중단됨: 취소하는 중이며, 기록된 것은 유지합니다</translation>
    </message>
    <message>
        <source>crawling %1: from %2 seeds, depth %3, at most %4 pages</source>
        <translation>%1 크롤링 중: 시작 URL %2개에서, 깊이 %3, 최대 %4페이지</translation>
    </message>
    <message>
        <source>robots.txt is ignored, by choice</source>
        <translation>robots.txt를 무시합니다(사용자 선택)</translation>
    </message>
    <message>
        <source>running %1: %2 requests</source>
        <translation>%1 실행 중: 요청 %2개</translation>
    </message>
    <message>
        <source>--%1 takes a whole number of at least %2, not &quot;%3&quot;</source>
        <translation>--%1은(는) %2 이상의 정수를 받습니다. &quot;%3&quot;은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>--limits takes whole numbers of at least 1 separated by commas, not &quot;%1&quot;</source>
        <translation>--limits는 쉼표로 구분한 1 이상의 정수를 받습니다. &quot;%1&quot;은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>Read URLs from FILE, one per line (&apos;-&apos; for stdin); blank lines and &apos;#&apos; comments are ignored.</source>
        <translation>FILE에서 URL을 한 줄에 하나씩 읽습니다(&apos;-&apos;는 표준 입력). 빈 줄과 &apos;#&apos; 주석은 무시합니다.</translation>
    </message>
    <message>
        <source>Repeat the URL list N times.</source>
        <translation>URL 목록을 N번 반복합니다.</translation>
    </message>
    <message>
        <source>sequential, gather, limited, compare (the three in turn) or sweep (limited once per k of --limits). Default: limited.</source>
        <translation>sequential, gather, limited, compare(셋을 차례로) 또는 sweep(--limits의 k마다 limited를 한 번씩). 기본값: limited.</translation>
    </message>
    <message>
        <source>Permits for limited mode. Default: 3.</source>
        <translation>limited 모드의 허가 수. 기본값: 3.</translation>
    </message>
    <message>
        <source>The sweep&apos;s permits, in order, e.g. 1,2,4,8. Default: 1, 2, 4 ... up to the number of URLs.</source>
        <translation>sweep의 허가 수를 차례로, 예: 1,2,4,8. 기본값: 1, 2, 4 … URL 수까지.</translation>
    </message>
    <message>
        <source>Politeness delay held inside the gate after each response. Default: 0.</source>
        <translation>응답마다 세마포어 안에서 유지하는 예의 지연. 기본값: 0.</translation>
    </message>
    <message>
        <source>Cap on connections per host, 0 for none. Default: 0.</source>
        <translation>호스트당 연결 수 상한, 0이면 없음. 기본값: 0.</translation>
    </message>
    <message>
        <source>The User-Agent to send, and to find rules by in robots.txt.</source>
        <translation>보낼 User-Agent, 그리고 robots.txt에서 규칙을 찾을 이름.</translation>
    </message>
    <message>
        <source>Crawl: follow links from the URLs, within --scope, obeying robots.txt. Connections per host default to %1.</source>
        <translation>크롤링: URL에서 --scope 안의 링크를 robots.txt를 지키며 따라갑니다. 호스트당 연결 수는 기본 %1입니다.</translation>
    </message>
    <message>
        <source>Crawl: follow links at most N levels from a seed. Default: %1.</source>
        <translation>크롤링: 시작 URL에서 최대 N단계까지 링크를 따라갑니다. 기본값: %1.</translation>
    </message>
    <message>
        <source>Crawl: request at most N pages in all, redirects and retries included; each host&apos;s robots.txt comes on top. Default: %1.</source>
        <translation>크롤링: 리디렉션과 재시도를 포함해 모두 최대 N페이지를 요청합니다. 호스트마다의 robots.txt는 별도입니다. 기본값: %1.</translation>
    </message>
    <message>
        <source>Crawl: host (the seeds&apos; hosts), site (their registrable domains) or any. Default: host.</source>
        <translation>크롤링: host(시작 URL의 호스트), site(그 등록 가능 도메인) 또는 any. 기본값: host.</translation>
    </message>
    <message>
        <source>Crawl: only follow URLs matching RE (a regular expression). Repeatable.</source>
        <translation>크롤링: RE(정규 표현식)에 맞는 URL만 따라갑니다. 여러 번 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Crawl: never follow URLs matching RE. Repeatable.</source>
        <translation>크롤링: RE에 맞는 URL은 절대 따라가지 않습니다. 여러 번 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Crawl: ignore robots.txt. The summary says so.</source>
        <translation>크롤링: robots.txt를 무시합니다. 요약에 그렇게 적힙니다.</translation>
    </message>
    <message>
        <source>Crawl: follow rel=nofollow links too.</source>
        <translation>크롤링: rel=nofollow 링크도 따라갑니다.</translation>
    </message>
    <message>
        <source>Crawl: treat URLs whose query differs only in order as one.</source>
        <translation>크롤링: 쿼리의 순서만 다른 URL을 하나로 봅니다.</translation>
    </message>
    <message>
        <source>Crawl: retry a 429 or 503 answer at most N times, after Retry-After. Default: %1.</source>
        <translation>크롤링: 429 또는 503 응답을 Retry-After만큼 기다린 뒤 최대 N번 재시도합니다. 기본값: %1.</translation>
    </message>
    <message>
        <source>--user-agent takes one non-empty line, not &quot;%1&quot;</source>
        <translation>--user-agent는 비어 있지 않은 한 줄을 받습니다. &quot;%1&quot;은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>--%1 only applies with --crawl</source>
        <translation>--%1은(는) --crawl과 함께일 때만 적용됩니다</translation>
    </message>
    <message>
        <source>--scope is host, site or any, not &quot;%1&quot;</source>
        <translation>--scope는 host, site, any 중 하나입니다. &quot;%1&quot;은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>--limits only applies with --mode sweep</source>
        <translation>--limits는 --mode sweep과 함께일 때만 적용됩니다</translation>
    </message>
    <message>
        <source>--mode is sequential, gather, limited, compare or sweep, not &quot;%1&quot;</source>
        <translation>--mode는 sequential, gather, limited, compare, sweep 중 하나입니다. &quot;%1&quot;은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>argument</source>
        <translation>인자</translation>
    </message>
    <message>
        <source>cannot read URL file %1: %2</source>
        <translation>URL 파일 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>stdin</source>
        <translation>표준 입력</translation>
    </message>
    <message>
        <source>Serve the built-in demo endpoints on 127.0.0.1 until interrupted.</source>
        <translation>중단될 때까지 127.0.0.1에서 내장 데모 엔드포인트를 제공합니다.</translation>
    </message>
    <message>
        <source>Port to listen on (0 picks a free one).</source>
        <translation>수신할 포트(0이면 빈 포트를 고릅니다).</translation>
    </message>
    <message>
        <source>Seed for jittered delays. Default: 1.</source>
        <translation>흔들리는 지연에 쓰는 시드. 기본값: 1.</translation>
    </message>
    <message>
        <source>--port takes a number from 0 to 65535, not &quot;%1&quot;</source>
        <translation>--port는 0부터 65535까지의 수를 받습니다. &quot;%1&quot;은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>Demo server listening on %1</source>
        <translation>데모 서버가 %1에서 수신 중입니다</translation>
    </message>
    <message>
        <source>--seed takes a whole number, not &quot;%1&quot;</source>
        <translation>--seed는 정수를 받습니다. &quot;%1&quot;은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>Try &apos;crawlscope capture --help&apos;.</source>
        <translation>&apos;crawlscope capture --help&apos;를 실행해 보세요.</translation>
    </message>
    <message>
        <source>the Python tracer&apos;s files were not found (set CRAWLSCOPE_TRACER_DIR to the folder that holds crawlscope_trace)</source>
        <translation>파이썬 추적기 파일을 찾지 못했습니다(crawlscope_trace가 있는 폴더를 CRAWLSCOPE_TRACER_DIR에 지정하세요)</translation>
    </message>
    <message>
        <source>the tracer runs a script file (python3 prog.py), not %1</source>
        <translation>추적기는 %1이 아니라 스크립트 파일(python3 prog.py)을 실행합니다</translation>
    </message>
    <message>
        <source>no Python script in the command</source>
        <translation>명령에 파이썬 스크립트가 없습니다</translation>
    </message>
    <message>
        <source>cannot listen for the tracer: %1</source>
        <translation>추적기 연결을 받을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Record the HTTP requests of another program through a local proxy, and summarize them as a run. Plain HTTP is recorded request by request; HTTPS is tunnelled, never decrypted, and recorded as one tunnel.</source>
        <translation>다른 프로그램의 HTTP 요청을 로컬 프록시로 기록하고 하나의 실행으로 요약합니다. 일반 HTTP는 요청마다 기록되고, HTTPS는 복호화 없이 터널로 전달되어 터널 하나로 기록됩니다.</translation>
    </message>
    <message>
        <source>The command to run with the proxy set.</source>
        <translation>프록시를 설정한 채 실행할 명령.</translation>
    </message>
    <message>
        <source>Port for the proxy on 127.0.0.1 (0 picks a free one; the default).</source>
        <translation>127.0.0.1에서 프록시가 쓸 포트(0이면 빈 포트를 고릅니다. 기본값).</translation>
    </message>
    <message>
        <source>Start the built-in demo server; {demo} in ARGS becomes its base URL, also in $CRAWLSCOPE_DEMO.</source>
        <translation>내장 데모 서버를 시작합니다. ARGS의 {demo}는 서버의 기본 URL이 되며 $CRAWLSCOPE_DEMO에도 들어갑니다.</translation>
    </message>
    <message>
        <source>Also run the Python COMMAND under Crawlscope&apos;s tracer, which records semaphore waits, sleeps and each request of httpx, requests and aiohttp as a second run.</source>
        <translation>파이썬 COMMAND를 Crawlscope 추적기 아래에서도 실행하여 세마포어 대기, sleep, httpx·requests·aiohttp의 각 요청을 두 번째 실행으로 기록합니다.</translation>
    </message>
    <message>
        <source>Keep Authorization, Proxy-Authorization and Cookie values in the records and exports.</source>
        <translation>Authorization, Proxy-Authorization, Cookie 값을 기록과 내보내기에 그대로 남깁니다.</translation>
    </message>
    <message>
        <source>Transfer timeout per forwarded request. Default: 30000.</source>
        <translation>전달하는 요청마다의 전송 시간 제한. 기본값: 30000.</translation>
    </message>
    <message>
        <source>put &quot;--&quot; before the command to run (crawlscope capture -- %1)</source>
        <translation>실행할 명령 앞에 &quot;--&quot;를 붙이세요(crawlscope capture -- %1)</translation>
    </message>
    <message>
        <source>--timeout takes a number of milliseconds above 0, not &quot;%1&quot;</source>
        <translation>--timeout에는 &quot;%1&quot;이 아니라 0보다 큰 밀리초 값이 필요합니다</translation>
    </message>
    <message>
        <source>the command uses %1 but --demo is not given</source>
        <translation>명령에 %1이(가) 있지만 --demo가 주어지지 않았습니다</translation>
    </message>
    <message>
        <source>crawlscope capture: cannot start the demo server: %1</source>
        <translation>crawlscope capture: 데모 서버를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>--python needs the Python command to run (-- python3 prog.py)</source>
        <translation>--python에는 실행할 파이썬 명령이 필요합니다(-- python3 prog.py)</translation>
    </message>
    <message>
        <source>the Python tracer will not be active; the program runs untraced</source>
        <translation>파이썬 추적기가 동작하지 않습니다. 프로그램은 추적 없이 실행됩니다</translation>
    </message>
    <message>
        <source>crawlscope capture: cannot listen on 127.0.0.1:%1: %2</source>
        <translation>crawlscope capture: 127.0.0.1:%1에서 연결을 받을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>refused a connection from %1: only this machine may use the proxy</source>
        <translation>%1의 연결을 거부했습니다: 이 컴퓨터만 프록시를 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>interrupted: stopping the capture, keeping what was recorded</source>
        <translation>중단됨: 캡처를 멈추고 기록된 것은 남깁니다</translation>
    </message>
    <message>
        <source>Capture proxy listening on %1</source>
        <translation>캡처 프록시가 %1에서 대기 중입니다</translation>
    </message>
    <message>
        <source>Paste into a terminal, then run your program there:</source>
        <translation>터미널에 붙여 넣은 뒤 그 터미널에서 프로그램을 실행하세요:</translation>
    </message>
    <message>
        <source>Recording until Ctrl+C.</source>
        <translation>Ctrl+C를 누를 때까지 기록합니다.</translation>
    </message>
    <message>
        <source>capturing through %1: %2</source>
        <translation>%1을(를) 통해 캡처 중: %2</translation>
    </message>
    <message>
        <source>crawlscope capture: cannot start %1: %2</source>
        <translation>crawlscope capture: %1을(를) 시작할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>traced: %1 requests, %2 waits for a permit, %3 sleeps (%4 with a permit held)</source>
        <translation>추적됨: 요청 %1개, 허가 대기 %2번, sleep %3번(허가를 쥔 채 %4번)</translation>
    </message>
    <message>
        <source>the Python tracer was not active: the program never connected to it</source>
        <translation>파이썬 추적기가 동작하지 않았습니다: 프로그램이 추적기에 연결하지 않았습니다</translation>
    </message>
    <message>
        <source>tracer: %1</source>
        <translation>추적기: %1</translation>
    </message>
    <message>
        <source>Try &apos;crawlscope recover --help&apos;.</source>
        <translation>&apos;crawlscope recover --help&apos;를 실행해 보세요.</translation>
    </message>
    <message>
        <source>No journaled runs to recover.
</source>
        <translation>저널에 남은, 복구할 실행이 없습니다.
</translation>
    </message>
    <message numerus="yes">
        <source>%1  %n run(s), %2 requests, %3
  %4
</source>
        <translation>
            <numerusform>%1  실행 %n개, 요청 %2개, %3
  %4
</numerusform>
        </translation>
    </message>
    <message>
        <source>ended but never saved</source>
        <translation>끝났지만 저장되지 않음</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>Recover the runs that Crawlscope journaled and never saved, because its process was killed or crashed: summarize them and export them like &apos;run&apos;. Their journals go once every export is written. Journals live in %1.</source>
        <translation>Crawlscope의 프로세스가 강제 종료되었거나 비정상 종료되어 저널에만 기록되고 저장되지 않은 실행을 복구합니다: &apos;run&apos;처럼 요약하고 내보냅니다. 모든 내보내기를 쓰고 나면 그 저널은 지워집니다. 저널은 %1에 있습니다.</translation>
    </message>
    <message>
        <source>Journal files to read. Default: every journal no running Crawlscope writes.</source>
        <translation>읽을 저널 파일. 기본값: 실행 중인 Crawlscope가 쓰고 있지 않은 모든 저널.</translation>
    </message>
    <message>
        <source>Only list the journals, with their runs and requests.</source>
        <translation>저널과 그 안의 실행, 요청을 나열하기만 합니다.</translation>
    </message>
    <message>
        <source>Print the summary (or the list) as one JSON object on stdout.</source>
        <translation>요약(또는 목록)을 JSON 객체 하나로 표준 출력에 씁니다.</translation>
    </message>
    <message>
        <source>Delete the journals instead of recovering them.</source>
        <translation>저널을 복구하는 대신 삭제합니다.</translation>
    </message>
    <message>
        <source>Write the recovered runs to FILE, format by extension (%1). Repeatable.</source>
        <translation>복구한 실행을 FILE에 씁니다. 형식은 확장자로 정합니다(%1). 여러 번 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the journal of a run that is still going</source>
        <translation>&quot;%1&quot;은(는) 아직 계속되고 있는 실행의 저널입니다</translation>
    </message>
    <message>
        <source>cannot delete &quot;%1&quot;</source>
        <translation>&quot;%1&quot;을(를) 삭제할 수 없습니다</translation>
    </message>
    <message>
        <source>%1: warning: %2</source>
        <translation>%1: 경고: %2</translation>
    </message>
    <message>
        <source>Idle timeout per request: fail it after MS without data. Default: 30000.</source>
        <translation>요청별 유휴 시간 제한: 데이터 없이 MS가 지나면 실패로 처리합니다. 기본값: 30000.</translation>
    </message>
    <message>
        <source>Overall deadline per request, from issued to finished, however the data trickles in. Default: %1 times the idle timeout.</source>
        <translation>요청별 전체 기한: 보낸 때부터 끝날 때까지, 데이터가 아무리 조금씩 오더라도 적용됩니다. 기본값: 유휴 시간 제한의 %1배.</translation>
    </message>
    <message>
        <source>Fail a response whose header is larger than BYTES. Default: %1.</source>
        <translation>헤더가 BYTES보다 큰 응답을 실패로 처리합니다. 기본값: %1.</translation>
    </message>
    <message>
        <source>Crawl: keep at most N skipped URLs whole (0: all); beyond that they are only counted. Default: %1.</source>
        <translation>크롤링: 건너뛴 URL을 최대 N개까지 그대로 보관합니다(0: 전부). 그 이상은 개수만 셉니다. 기본값: %1.</translation>
    </message>
    <message>
        <source>  memory bounds: %1 links past %2 per page not read; %3 skipped URLs past the %4 kept only counted
</source>
        <translation>  메모리 한도: 페이지당 %2개를 넘은 링크 %1개는 읽지 않음; 보관 한도 %4개를 넘은 건너뛴 URL %3개는 개수만 셈
</translation>
    </message>
    <message>
        <source>%1: recovered from the journal of a run that did not end cleanly</source>
        <translation>%1: 정상적으로 끝나지 않은 실행의 저널에서 복구했습니다</translation>
    </message>
    <message>
        <source>Crawl: read at most N links of a page (0: all). A large page is parsed only as far as its first N links: those past N in the part parsed are counted as dropped, the rest of the page is not read. Default: %1.</source>
        <translation>크롤링: 한 페이지에서 링크를 최대 N개까지 읽습니다(0: 전부). 큰 페이지는 처음 N개 링크가 나오는 데까지만 파싱합니다. 파싱한 부분에서 N개를 넘은 링크는 버린 것으로 세고, 페이지의 나머지는 읽지 않습니다. 기본값: %1.</translation>
    </message>
    <message numerus="yes">
        <source>  memory bounds: on %n page(s), links after the first %1 were not read, nor counted
</source>
        <translation>
            <numerusform>  메모리 한도: 페이지 %n개에서 처음 %1개 뒤의 링크는 읽지도 세지도 않음
</numerusform>
        </translation>
    </message>
    <message>
        <source>Scale factor for PNG and JPEG pictures. Default: 2.</source>
        <translation>PNG와 JPEG 그림의 배율. 기본값: 2.</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <source>A run is going on</source>
        <translation>실행이 진행 중입니다</translation>
    </message>
    <message>
        <source>Closing stops the run, and what it recorded is lost unless you export it first.</source>
        <translation>닫으면 실행이 중지되고, 먼저 내보내지 않으면 기록된 내용을 잃습니다.</translation>
    </message>
    <message>
        <source>Stop and Close</source>
        <translation>중지하고 닫기</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>계속 실행</translation>
    </message>
</context>
<context>
    <name>CodePane</name>
    <message>
        <source>The Python program of these settings</source>
        <translation>이 설정의 파이썬 프로그램</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the program to the clipboard</source>
        <translation>프로그램을 클립보드에 복사</translation>
    </message>
    <message>
        <source>Save as .py…</source>
        <translation>.py로 저장…</translation>
    </message>
    <message>
        <source>Save the program as a Python file that runs as written</source>
        <translation>쓰인 그대로 실행되는 파이썬 파일로 프로그램을 저장</translation>
    </message>
    <message>
        <source>Save the Python program</source>
        <translation>파이썬 프로그램 저장</translation>
    </message>
    <message>
        <source>Python (*.py)</source>
        <translation>파이썬 (*.py)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>CrawlScope</name>
    <message>
        <source>not an http(s) URL</source>
        <translation>http(s) URL이 아님</translation>
    </message>
    <message>
        <source>other host</source>
        <translation>다른 호스트</translation>
    </message>
    <message>
        <source>other site</source>
        <translation>다른 사이트</translation>
    </message>
    <message>
        <source>not matched by any include pattern</source>
        <translation>어떤 포함 패턴에도 맞지 않음</translation>
    </message>
    <message>
        <source>excluded by pattern %1</source>
        <translation>패턴 %1에 의해 제외됨</translation>
    </message>
</context>
<context>
    <name>CrawlSettingsBox</name>
    <message>
        <source>Obey robots.txt and its Crawl-delay</source>
        <translation>robots.txt와 그 Crawl-delay 지키기</translation>
    </message>
    <message>
        <source>Honour rel=nofollow</source>
        <translation>rel=nofollow 존중하기</translation>
    </message>
    <message>
        <source>Query order does not matter</source>
        <translation>쿼리 순서 무시하기</translation>
    </message>
    <message>
        <source>Start from the URLs and follow their links within the scope, politely: robots.txt first, its Crawl-delay per host, and 429/503 answers waited out</source>
        <translation>URL에서 시작해 범위 안의 링크를 예의 바르게 따라갑니다: robots.txt를 먼저, 호스트마다 그 Crawl-delay를 지키고, 429/503 응답은 기다렸다가 다시 시도합니다</translation>
    </message>
    <message>
        <source>Links followed from a start URL; redirects keep the depth</source>
        <translation>시작 URL에서 따라간 링크 단계 수. 리디렉션은 깊이를 늘리지 않습니다</translation>
    </message>
    <message>
        <source>De&amp;pth:</source>
        <translation>깊이(&amp;P):</translation>
    </message>
    <message>
        <source>At most this many page requests in all, redirects and retries included; each host&apos;s robots.txt comes on top</source>
        <translation>리디렉션과 재시도를 포함한 페이지 요청의 최대 수. 호스트마다의 robots.txt는 별도입니다</translation>
    </message>
    <message>
        <source>Max pa&amp;ges:</source>
        <translation>최대 페이지(&amp;G):</translation>
    </message>
    <message>
        <source>Same host</source>
        <translation>같은 호스트</translation>
    </message>
    <message>
        <source>Same site (registrable domain)</source>
        <translation>같은 사이트(등록 가능 도메인)</translation>
    </message>
    <message>
        <source>Any host</source>
        <translation>모든 호스트</translation>
    </message>
    <message>
        <source>Same site uses the Public Suffix List: a.example.co.uk and b.example.co.uk are one site, x.github.io and y.github.io are not</source>
        <translation>같은 사이트는 공개 접미사 목록(Public Suffix List)을 따릅니다: a.example.co.uk와 b.example.co.uk는 한 사이트이고, x.github.io와 y.github.io는 아닙니다</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>범위(&amp;S):</translation>
    </message>
    <message>
        <source>regular expression, optional</source>
        <translation>정규 표현식, 선택 사항</translation>
    </message>
    <message>
        <source>Only follow URLs this regular expression matches</source>
        <translation>이 정규 표현식에 맞는 URL만 따라갑니다</translation>
    </message>
    <message>
        <source>&amp;Include:</source>
        <translation>포함(&amp;I):</translation>
    </message>
    <message>
        <source>Never follow URLs this regular expression matches</source>
        <translation>이 정규 표현식에 맞는 URL은 절대 따라가지 않습니다</translation>
    </message>
    <message>
        <source>E&amp;xclude:</source>
        <translation>제외(&amp;X):</translation>
    </message>
    <message>
        <source>Unchecked, robots.txt is not even fetched; every summary and export says so</source>
        <translation>선택하지 않으면 robots.txt를 아예 가져오지 않으며, 모든 요약과 내보내기에 그렇게 적힙니다</translation>
    </message>
    <message>
        <source>?a=1&amp;b=2 and ?b=2&amp;a=1 name the same page</source>
        <translation>?a=1&amp;b=2와 ?b=2&amp;a=1을 같은 페이지로 봅니다</translation>
    </message>
    <message>
        <source>include</source>
        <translation>포함</translation>
    </message>
    <message>
        <source>exclude</source>
        <translation>제외</translation>
    </message>
    <message>
        <source>robots.txt will be ignored, by your choice.</source>
        <translation>사용자 선택에 따라 robots.txt를 무시합니다.</translation>
    </message>
    <message>
        <source>all</source>
        <translation>전부</translation>
    </message>
    <message>
        <source>Lin&amp;ks per page:</source>
        <translation>페이지당 링크(&amp;K):</translation>
    </message>
    <message>
        <source>Links read from one page. A large page is parsed only as far as its first links: those past the cap in the part parsed are counted as dropped and the rest of the page is not read, so that a page of a million links cannot fill the memory</source>
        <translation>한 페이지에서 읽는 링크 수입니다. 큰 페이지는 처음 링크들이 나오는 데까지만 파싱합니다. 파싱한 부분에서 한도를 넘은 링크는 버린 것으로 세고 페이지의 나머지는 읽지 않으므로, 링크가 백만 개인 페이지도 메모리를 채우지 못합니다</translation>
    </message>
    <message>
        <source>Cra&amp;wl: follow links</source>
        <translation>크롤링(&amp;W): 링크 따라가기</translation>
    </message>
</context>
<context>
    <name>Crawler</name>
    <message>
        <source>the maximum depth must be 0 or more, not %1</source>
        <translation>최대 깊이는 0 이상이어야 합니다. %1은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>the page limit must be 1 or more, not %1</source>
        <translation>페이지 한도는 1 이상이어야 합니다. %1은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>the retry count must be 0 or more, not %1</source>
        <translation>재시도 횟수는 0 이상이어야 합니다. %1은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>bad %1 pattern &quot;%2&quot;: %3 at offset %4</source>
        <translation>잘못된 %1 패턴 &quot;%2&quot;: 위치 %4에서 %3</translation>
    </message>
    <message>
        <source>include</source>
        <translation>포함</translation>
    </message>
    <message>
        <source>exclude</source>
        <translation>제외</translation>
    </message>
    <message>
        <source>robots.txt ignored, by choice</source>
        <translation>robots.txt 무시함(사용자 선택)</translation>
    </message>
    <message>
        <source>already requested</source>
        <translation>이미 요청함</translation>
    </message>
    <message>
        <source>depth %1 is beyond the maximum of %2</source>
        <translation>깊이 %1이(가) 최대 %2를 넘습니다</translation>
    </message>
    <message>
        <source>more than %1 redirects in a row</source>
        <translation>연속 리디렉션이 %1번을 넘음</translation>
    </message>
    <message>
        <source>disallowed by %1/robots.txt</source>
        <translation>%1/robots.txt가 허용하지 않음</translation>
    </message>
    <message>
        <source>no page left for retry %1 (limit %2)</source>
        <translation>재시도 %1에 남은 페이지가 없음(한도 %2)</translation>
    </message>
    <message>
        <source>the limit of %1 pages was reached</source>
        <translation>페이지 한도 %1에 도달함</translation>
    </message>
    <message>
        <source>fetching %1</source>
        <translation>%1 가져오는 중</translation>
    </message>
    <message numerus="yes">
        <source>not retried: %n attempt(s) made</source>
        <translation>
            <numerusform>재시도하지 않음: %n번 시도함</numerusform>
        </translation>
    </message>
    <message>
        <source>not retried: Retry-After asks for %1 s, more than the %2 s a crawl waits</source>
        <translation>재시도하지 않음: Retry-After가 %1초를 요구하며, 크롤링이 기다리는 %2초보다 깁니다</translation>
    </message>
    <message>
        <source>not retried: the limit of %1 pages was reached</source>
        <translation>재시도하지 않음: 페이지 한도 %1에 도달함</translation>
    </message>
    <message>
        <source>nofollow on &lt;%1&gt;, or in the page&apos;s robots meta tag</source>
        <translation>&lt;%1&gt;의 nofollow, 또는 페이지의 robots 메타 태그</translation>
    </message>
    <message>
        <source>%1 redirected more than %2 times: treated as missing, everything is allowed</source>
        <translation>%1이(가) %2번 넘게 리디렉션됨: 없는 것으로 보고 모두 허용합니다</translation>
    </message>
    <message>
        <source>%1 answered %2: its rules apply</source>
        <translation>%1이(가) %2(으)로 응답함: 그 규칙을 적용합니다</translation>
    </message>
    <message>
        <source>%1 answered %2: everything is allowed</source>
        <translation>%1이(가) %2(으)로 응답함: 모두 허용합니다</translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation>%1(으)로 응답함</translation>
    </message>
    <message>
        <source>gave no usable answer</source>
        <translation>쓸 수 있는 응답이 없음</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <source>%1 %2: nothing is allowed for this crawl</source>
        <translation>%1 %2: 이 크롤링에는 아무것도 허용되지 않습니다</translation>
    </message>
    <message>
        <source>; Crawl-delay of %1 ms capped at %2 ms</source>
        <translation>; Crawl-delay %1 ms를 %2 ms로 제한함</translation>
    </message>
    <message>
        <source>still waiting for %1/robots.txt</source>
        <translation>아직 %1/robots.txt를 기다리는 중</translation>
    </message>
    <message>
        <source>Retry-After &quot;%1&quot; is unreadable: backed off %2 ms instead</source>
        <translation>Retry-After &quot;%1&quot;을(를) 읽을 수 없음: 대신 %2 ms 물러섬</translation>
    </message>
</context>
<context>
    <name>CsvFormat</name>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>%1행, %2열: %3</translation>
    </message>
    <message>
        <source>the quoted field starting here never ends</source>
        <translation>여기서 시작하는 따옴표 필드가 끝나지 않습니다</translation>
    </message>
    <message>
        <source>a closing quote must be followed by a comma or a line end</source>
        <translation>닫는 따옴표 뒤에는 쉼표나 줄 끝이 와야 합니다</translation>
    </message>
    <message>
        <source>a quote inside an unquoted field</source>
        <translation>따옴표로 묶지 않은 필드 안의 따옴표</translation>
    </message>
    <message>
        <source>line %1, column %2 (%3): %4</source>
        <translation>%1행, %2열(%3): %4</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation>&quot;%1&quot;은(는) 정수가 아닙니다</translation>
    </message>
    <message>
        <source>%1 is out of range, expected %2 or more</source>
        <translation>%1은(는) 범위를 벗어났습니다. %2 이상이어야 합니다</translation>
    </message>
    <message>
        <source>%1 is out of range, expected %2 to %3</source>
        <translation>%1은(는) 범위를 벗어났습니다. %2부터 %3까지여야 합니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time in milliseconds such as 12.345678</source>
        <translation>&quot;%1&quot;은(는) 12.345678 같은 밀리초 단위 시간이 아닙니다</translation>
    </message>
    <message>
        <source>not a valid URL: %1</source>
        <translation>올바른 URL이 아님: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 time such as 2024-05-01T12:00:00.000Z</source>
        <translation>&quot;%1&quot;은(는) 2024-05-01T12:00:00.000Z 같은 ISO 8601 시간이 아닙니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>&quot;%1&quot;은(는) %2 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>not UTF-8 text</source>
        <translation>UTF-8 텍스트가 아님</translation>
    </message>
    <message>
        <source>line 1: no header row</source>
        <translation>1행: 머리글 행이 없음</translation>
    </message>
    <message>
        <source>line %1, column %2: &quot;%3&quot; appears twice</source>
        <translation>%1행, %2열: &quot;%3&quot;이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <source>line %1: no &quot;%2&quot; column</source>
        <translation>%1행: &quot;%2&quot; 열이 없습니다</translation>
    </message>
    <message>
        <source>line %1: %2 fields, expected %3 as in the header</source>
        <translation>%1행: 필드가 %2개입니다. 머리글처럼 %3개여야 합니다</translation>
    </message>
    <message>
        <source>&quot;%1&quot; differs from &quot;%2&quot; on line %3, where run %4 starts</source>
        <translation>&quot;%1&quot;이(가) 실행 %4이(가) 시작하는 %3행의 &quot;%2&quot;와(과) 다릅니다</translation>
    </message>
</context>
<context>
    <name>DemoServer</name>
    <message>
        <source>already listening on 127.0.0.1 port %1</source>
        <translation>이미 127.0.0.1 포트 %1에서 수신 중입니다</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1 port %1: %2</source>
        <translation>127.0.0.1 포트 %1에서 수신할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the port is already in use</source>
        <translation>포트가 이미 사용 중입니다</translation>
    </message>
    <message>
        <source>permission denied; ports below 1024 need privileges</source>
        <translation>권한이 없습니다. 1024 미만 포트는 관리자 권한이 필요합니다</translation>
    </message>
    <message>
        <source>too many open files</source>
        <translation>열린 파일이 너무 많습니다</translation>
    </message>
    <message>
        <source>system error %1 (%2)</source>
        <translation>시스템 오류 %1 (%2)</translation>
    </message>
</context>
<context>
    <name>DescriptorBudget</name>
    <message>
        <source>open-file limit %1 (ulimit -n), %2 already open, %3 kept free: at most %4 requests in flight (%5 descriptors per connection, %6 per network manager of %7 connections)</source>
        <translation>열린 파일 한도 %1(ulimit -n), 이미 %2개 열림, %3개는 남겨 둠: 진행 중 요청은 최대 %4개(연결당 디스크립터 %5개, 연결 %7개의 네트워크 관리자당 %6개)</translation>
    </message>
</context>
<context>
    <name>DurationFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1분 %2초</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Export &amp;Slide…</source>
        <translation>슬라이드 내보내기(&amp;S)…</translation>
    </message>
    <message>
        <source>The whole comparison on one 16:9 slide: every run and row, whatever the window shows</source>
        <translation>비교 전체를 16:9 슬라이드 한 장에: 창에 무엇이 보이든 모든 실행과 모든 행</translation>
    </message>
    <message>
        <source>Export &amp;What I See…</source>
        <translation>보이는 그대로 내보내기(&amp;W)…</translation>
    </message>
    <message>
        <source>The timeline exactly as the window shows it now</source>
        <translation>지금 창에 보이는 그대로의 타임라인</translation>
    </message>
    <message>
        <source>Export &amp;Chart…</source>
        <translation>차트 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>The summary chart in front on the Charts tab</source>
        <translation>차트 탭에서 앞에 있는 요약 차트</translation>
    </message>
    <message>
        <source>Cannot export to &quot;%1&quot;: not a picture (use %2)</source>
        <translation>&quot;%1&quot;(으)로 내보낼 수 없습니다: 그림 형식이 아닙니다(%2 사용)</translation>
    </message>
    <message>
        <source>slide</source>
        <translation>슬라이드</translation>
    </message>
    <message>
        <source>timeline</source>
        <translation>타임라인</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>내보낼 수 없음</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>Cannot export to &quot;%1&quot;: unknown file type (use %2)</source>
        <translation>&quot;%1&quot;(으)로 내보낼 수 없습니다: 알 수 없는 파일 형식입니다(%2 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>Export to &quot;%1&quot; cancelled</source>
        <translation>&quot;%1&quot;(으)로 내보내기를 취소했습니다</translation>
    </message>
    <message>
        <source>Cannot open &quot;%1&quot;: this file type is export only (use %2)</source>
        <translation>&quot;%1&quot;을(를) 열 수 없습니다: 이 파일 형식은 내보내기 전용입니다(%2 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>Cannot open &quot;%1&quot;: unknown file type (use %2)</source>
        <translation>&quot;%1&quot;을(를) 열 수 없습니다: 알 수 없는 파일 형식입니다(%2 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>Cannot open &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot;을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>run %1, record %2: id %3 is also record %4&apos;s; that one keeps it</source>
        <translation>실행 %1, 기록 %2: id %3은(는) 기록 %4의 id이기도 합니다. 그 id는 기록 %4이(가) 유지합니다</translation>
    </message>
    <message>
        <source>run %1, record %2: parent_id %3 points at no record; read as none</source>
        <translation>실행 %1, 기록 %2: parent_id %3이(가) 가리키는 기록이 없습니다. 없음으로 읽습니다</translation>
    </message>
    <message>
        <source>run %1: %2 more records reuse an id</source>
        <translation>실행 %1: id를 재사용하는 기록이 %2개 더 있습니다</translation>
    </message>
    <message>
        <source>run %1: %2 more records have a parent_id that points at no record</source>
        <translation>실행 %1: 가리키는 기록이 없는 parent_id를 가진 기록이 %2개 더 있습니다</translation>
    </message>
</context>
<context>
    <name>Fetch</name>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>body of %1 bytes exceeds the limit of %2 bytes</source>
        <translation>본문 %1바이트가 한도 %2바이트를 넘습니다</translation>
    </message>
    <message>
        <source>body exceeds the limit of %1 bytes</source>
        <translation>본문이 한도 %1바이트를 넘습니다</translation>
    </message>
    <message>
        <source>redirect to unsupported scheme &quot;%1&quot; (%2)</source>
        <translation>지원하지 않는 스킴 &quot;%1&quot;(으)로의 리디렉션(%2)</translation>
    </message>
    <message>
        <source>timed out: no data for %1 ms</source>
        <translation>시간 초과: %1 ms 동안 데이터가 없음</translation>
    </message>
    <message>
        <source>timed out: no complete response header within %1 ms</source>
        <translation>시간 초과: %1 ms 안에 응답 헤더가 다 오지 않음</translation>
    </message>
    <message>
        <source>deadline exceeded: not complete %1 ms after it was issued</source>
        <translation>기한 초과: 요청을 보낸 뒤 %1 ms 안에 끝나지 않음</translation>
    </message>
    <message>
        <source>response header of %1 bytes exceeds the limit of %2 bytes</source>
        <translation>응답 헤더 %1바이트가 한도 %2바이트를 넘음</translation>
    </message>
    <message>
        <source>decompression stopped: %1 compressed bytes inflated to over %2 bytes, a ratio over %3 to 1 that only a compression bomb has</source>
        <translation>압축 해제 중단: 압축된 %1바이트가 %2바이트 넘게 불어남(압축 폭탄에서만 나오는 %3 대 1 초과 비율)</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>TLS 오류: %1</translation>
    </message>
    <message>
        <source>corrupt compressed body: %1</source>
        <translation>손상된 압축 본문: %1</translation>
    </message>
    <message>
        <source>response header refused: Qt kept the status line and dropped every field, as it does when the header is too large for it (larger than our limit of %1 bytes too) or malformed; without a length, the body never ended</source>
        <translation>응답 헤더 거부됨: Qt가 상태 줄만 남기고 모든 필드를 버림(Qt가 읽기에 너무 큰 헤더(우리 한도 %1바이트보다도 큼)이거나 형식이 잘못된 헤더일 때 그렇게 함); 길이를 알 수 없어 본문이 끝나지 않음</translation>
    </message>
    <message>
        <source>connection closed after %1 of the %2 bytes announced</source>
        <translation>알린 %2바이트 중 %1바이트를 받은 뒤 연결이 닫혔습니다</translation>
    </message>
    <message>
        <source>too many redirects: more than %1</source>
        <translation>리디렉션이 너무 많습니다: %1회 초과</translation>
    </message>
    <message>
        <source>redirect (HTTP %1) without a valid Location</source>
        <translation>유효한 Location이 없는 리디렉션(HTTP %1)</translation>
    </message>
    <message>
        <source>redirect from https to http refused (%1)</source>
        <translation>https에서 http로의 리디렉션을 거부함(%1)</translation>
    </message>
</context>
<context>
    <name>FrontierModel</name>
    <message>
        <source>queued</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>fetched</source>
        <translation>가져옴</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>시도 %1</translation>
    </message>
    <message>
        <source>robots.txt of %1</source>
        <translation>%1의 robots.txt</translation>
    </message>
    <message>
        <source>redirect to %1</source>
        <translation>%1(으)로 리디렉션</translation>
    </message>
    <message>
        <source>redirect</source>
        <translation>리디렉션</translation>
    </message>
    <message numerus="yes">
        <source>HTML, %n link(s) followed</source>
        <translation>
            <numerusform>HTML, 링크 %n개 따라감</numerusform>
        </translation>
    </message>
    <message>
        <source>not HTML: %1, links not read</source>
        <translation>HTML 아님: %1, 링크를 읽지 않음</translation>
    </message>
    <message>
        <source>no content type</source>
        <translation>콘텐츠 형식 없음</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>retried as #%1</source>
        <translation>#%1(으)로 재시도함</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>비고</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>응답 코드</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>발견한 곳</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>발견 횟수</translation>
    </message>
    <message>
        <source>Found (ms)</source>
        <translation>발견 시각(ms)</translation>
    </message>
</context>
<context>
    <name>FrontierView</name>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>대기열</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>가져옴</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>건너뜀</translation>
    </message>
    <message>
        <source>Show requests in this state, or the skipped URLs</source>
        <translation>이 상태의 요청, 또는 건너뛴 URL을 보여 줍니다</translation>
    </message>
    <message>
        <source>Any reason</source>
        <translation>모든 이유</translation>
    </message>
    <message>
        <source>Show only the URLs skipped for this reason</source>
        <translation>이 이유로 건너뛴 URL만 보여 줍니다</translation>
    </message>
    <message>
        <source>Filter by URL, note or host…</source>
        <translation>URL, 비고, 호스트로 거르기…</translation>
    </message>
    <message numerus="yes">
        <source>%n fetched</source>
        <translation>
            <numerusform>%n개 가져옴</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n개 실패</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n개 취소됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retry(s)</source>
        <translation>
            <numerusform>재시도 %n번</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in flight</source>
        <translation>
            <numerusform>%n개 진행 중</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n개 대기열</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n개 건너뜀</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>호스트 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>GatePicture</name>
    <message>
        <source>%1 waiting · %2 in flight · %3 sleeping with a permit</source>
        <translation>대기 %1 · 진행 중 %2 · 허가를 가진 채 지연(sleep) 중 %3</translation>
    </message>
    <message>
        <source>No semaphore: %1</source>
        <translation>세마포어 없음: %1</translation>
    </message>
    <message>
        <source>Semaphore(%1): %2 taken, %3 free · %4</source>
        <translation>세마포어(%1): 사용 중 %2, 빈 자리 %3 · %4</translation>
    </message>
    <message>
        <source>Replay a finished run to see its semaphore: the queue at the door, the permits taken and free, and the requests sleeping with a permit held.</source>
        <translation>완료된 실행을 재생하면 세마포어가 보입니다: 문 앞의 대기열, 사용 중인 허가와 빈 허가, 허가를 가진 채 지연(sleep) 중인 요청.</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>대기열 %1</translation>
    </message>
</context>
<context>
    <name>HarFormat</name>
    <message>
        <source>%1 is %2 ms, more than %3</source>
        <translation>%1이(가) %2 ms로, %3보다 큽니다</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not an ISO 8601 date such as 2024-05-01T12:00:00.000Z</source>
        <translation>%1 &quot;%2&quot;은(는) 2024-05-01T12:00:00.000Z 같은 ISO 8601 날짜가 아닙니다</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>페이지 %1</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>항목 %1</translation>
    </message>
    <message>
        <source>_unreached has &quot;%1&quot;, which is no mark</source>
        <translation>_unreached에 표시가 아닌 &quot;%1&quot;이(가) 있습니다</translation>
    </message>
    <message>
        <source>entry %1: startedDateTime %2 is more than 31 years after the run&apos;s start %3</source>
        <translation>항목 %1: startedDateTime %2이(가) 실행 시작 %3보다 31년 넘게 뒤입니다</translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>JSON이 아님: 위치 %2에서 %1</translation>
    </message>
    <message>
        <source>not a HAR file (no &quot;log&quot; object at the top level)</source>
        <translation>HAR 파일이 아님(최상위에 &quot;log&quot; 객체가 없음)</translation>
    </message>
    <message>
        <source>id &quot;%1&quot; is used by page %2 too</source>
        <translation>id &quot;%1&quot;을(를) 페이지 %2도 씁니다</translation>
    </message>
    <message>
        <source>%1: %2 is %3 ms, read as 0</source>
        <translation>%1: %2이(가) %3 ms입니다. 0으로 읽습니다</translation>
    </message>
</context>
<context>
    <name>InFlightStrip</name>
    <message>
        <source>Requests in flight and waiting</source>
        <translation>진행 중인 요청과 대기 중인 요청</translation>
    </message>
    <message>
        <source>%1: in flight, max %2</source>
        <translation>%1: 진행 중, 최대 %2</translation>
    </message>
    <message>
        <source>in flight, max %1</source>
        <translation>진행 중, 최대 %1</translation>
    </message>
    <message>
        <source>waiting, max %1</source>
        <translation>대기, 최대 %1</translation>
    </message>
    <message>
        <source>in flight %1, waiting %2 at %3</source>
        <translation>%3 시점에 진행 중 %1, 대기 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n more holding a permit in their delay</source>
        <translation>
            <numerusform>지연 중 허가를 쥐고 있는 요청 %n개 더</numerusform>
        </translation>
    </message>
    <message>
        <source>gate: 1 permit</source>
        <translation>세마포어: 허가 1개</translation>
    </message>
    <message>
        <source>gate: %1 permits</source>
        <translation>세마포어: 허가 %1개</translation>
    </message>
    <message>
        <source>%1: in flight %2, waiting %3</source>
        <translation>%1: 진행 중 %2, 대기 %3</translation>
    </message>
    <message>
        <source>1 more host busy</source>
        <translation>바쁜 호스트 1개 더</translation>
    </message>
    <message>
        <source>%1 more hosts busy</source>
        <translation>바쁜 호스트 %1개 더</translation>
    </message>
    <message>
        <source>no waiting longer than %1</source>
        <translation>%1보다 긴 대기 없음</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>interrupted: Crawlscope ended before this request finished</source>
        <translation>중단됨: 이 요청이 끝나기 전에 Crawlscope가 종료됨</translation>
    </message>
    <message>
        <source>Cannot read the journal &quot;%1&quot;: %2</source>
        <translation>저널 &quot;%1&quot;을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Journal &quot;%1&quot;, line %2: %3</source>
        <translation>저널 &quot;%1&quot;, %2행: %3</translation>
    </message>
    <message>
        <source>not a JSON object (%1)</source>
        <translation>JSON 객체가 아님(%1)</translation>
    </message>
    <message>
        <source>not a Crawlscope journal</source>
        <translation>Crawlscope 저널이 아님</translation>
    </message>
    <message>
        <source>unsupported version %1</source>
        <translation>지원하지 않는 버전 %1</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>%1행</translation>
    </message>
    <message>
        <source>&quot;%1&quot; outside a run</source>
        <translation>실행 밖의 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>request %1 comes before request %2</source>
        <translation>요청 %1이(가) 요청 %2보다 먼저 나옴</translation>
    </message>
    <message>
        <source>skipped URL %1 comes before %2</source>
        <translation>건너뛴 URL %1이(가) %2보다 먼저 나옴</translation>
    </message>
    <message>
        <source>unknown line type &quot;%1&quot;</source>
        <translation>알 수 없는 줄 유형 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>비어 있음</translation>
    </message>
</context>
<context>
    <name>JournalWriter</name>
    <message>
        <source>Cannot create the journal folder &quot;%1&quot;</source>
        <translation>저널 폴더 &quot;%1&quot;을(를) 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Cannot write the journal &quot;%1&quot;: %2</source>
        <translation>저널 &quot;%1&quot;에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>JsonFormat</name>
    <message>
        <source>&quot;%1&quot; is &quot;%2&quot;, expected an ISO 8601 time such as 2024-05-01T12:00:00.000Z</source>
        <translation>&quot;%1&quot;이(가) &quot;%2&quot;입니다. 2024-05-01T12:00:00.000Z 같은 ISO 8601 시간이어야 합니다</translation>
    </message>
    <message>
        <source>%1, capacity change %2</source>
        <translation>%1, 용량 변경 %2</translation>
    </message>
    <message>
        <source>%1, record %2</source>
        <translation>%1, 기록 %2</translation>
    </message>
    <message>
        <source>%1, skipped %2</source>
        <translation>%1, 건너뜀 %2</translation>
    </message>
    <message>
        <source>%1, host %2</source>
        <translation>%1, 호스트 %2</translation>
    </message>
    <message>
        <source>not JSON: %1 at offset %2</source>
        <translation>JSON이 아님: 위치 %2에서 %1</translation>
    </message>
    <message>
        <source>not a Crawlscope run file (the top level is not a JSON object)</source>
        <translation>Crawlscope 실행 파일이 아님(최상위가 JSON 객체가 아님)</translation>
    </message>
    <message>
        <source>not a Crawlscope run file (format is &quot;%1&quot;, expected &quot;%2&quot;)</source>
        <translation>Crawlscope 실행 파일이 아님(format이 &quot;%1&quot;이며, &quot;%2&quot;이어야 함)</translation>
    </message>
    <message>
        <source>not a Crawlscope run file (no &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>Crawlscope 실행 파일이 아님(&quot;format&quot;: &quot;%1&quot;이 없음)</translation>
    </message>
    <message>
        <source>unsupported version %1 (this Crawlscope reads version %2)</source>
        <translation>지원하지 않는 버전 %1(이 Crawlscope는 버전 %2을(를) 읽습니다)</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>실행 %1</translation>
    </message>
</context>
<context>
    <name>JsonReader</name>
    <message>
        <source>must be an object, not %1</source>
        <translation>%1이(가) 아니라 객체여야 합니다</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>불리언</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>문자열</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>배열</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>%1이(가) 없습니다</translation>
    </message>
    <message>
        <source>%1 must be %2, not %3</source>
        <translation>%1은(는) %3이(가) 아니라 %2이어야 합니다</translation>
    </message>
    <message>
        <source>%1 is %2, expected a whole number from %3 to %4</source>
        <translation>%1이(가) %2입니다. %3부터 %4까지의 정수여야 합니다</translation>
    </message>
    <message>
        <source>%1 is %2, expected a whole number</source>
        <translation>%1이(가) %2입니다. 정수여야 합니다</translation>
    </message>
    <message>
        <source>%1 is %2, expected %3 or more</source>
        <translation>%1이(가) %2입니다. %3 이상이어야 합니다</translation>
    </message>
    <message>
        <source>%1 is %2, expected %3 to %4</source>
        <translation>%1이(가) %2입니다. %3부터 %4까지여야 합니다</translation>
    </message>
    <message>
        <source>%1 item %2 must be a string, not %3</source>
        <translation>%1의 항목 %2은(는) %3이(가) 아니라 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>%1[%2] must be a string, not %3</source>
        <translation>%1[%2]은(는) %3이(가) 아니라 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, expected one of %3</source>
        <translation>%1이(가) &quot;%2&quot;입니다. %3 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not one of %3</source>
        <translation>%1 &quot;%2&quot;은(는) %3 중 하나가 아닙니다</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>%1 is not a valid URL: %2</source>
        <translation>%1은(는) 올바른 URL이 아닙니다: %2</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; is not a valid URL: %3</source>
        <translation>%1 &quot;%2&quot;은(는) 올바른 URL이 아닙니다: %3</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
</context>
<context>
    <name>LessonPane</name>
    <message>
        <source>The program</source>
        <translation>프로그램</translation>
    </message>
    <message>
        <source>What to notice</source>
        <translation>눈여겨볼 점</translation>
    </message>
    <message>
        <source>Set up the run, then press Run</source>
        <translation>설정을 마친 다음 실행 버튼을 누르세요</translation>
    </message>
    <message>
        <source>Prediction and measurement</source>
        <translation>예측과 측정</translation>
    </message>
    <message>
        <source>Put this run&apos;s URLs and settings in the window</source>
        <translation>이 실행의 URL과 설정을 창에 넣기</translation>
    </message>
    <message>
        <source>The window is now set up for a different run. What this lesson says is about its own run: press the button above to set that up.</source>
        <translation>창은 지금 다른 실행으로 설정되어 있습니다. 이 수업의 설명은 수업이 정한 실행에 대한 것입니다. 위의 버튼을 누르면 그 실행이 설정됩니다.</translation>
    </message>
    <message>
        <source>The window is now set up for a different run. What this lesson says is about its own runs: press a button above to set one up.</source>
        <translation>창은 지금 다른 실행으로 설정되어 있습니다. 이 수업의 설명은 수업이 정한 실행들에 대한 것입니다. 위의 버튼 중 하나를 누르면 그 실행이 설정됩니다.</translation>
    </message>
</context>
<context>
    <name>LessonPanels</name>
    <message>
        <source>Lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <source>No valid URL to predict.</source>
        <translation>예측할 올바른 URL이 없습니다.</translation>
    </message>
    <message>
        <source>k = %1: %2</source>
        <translation>k = %1: %2</translation>
    </message>
    <message>
        <source>%1: measured %2, %3</source>
        <translation>%1: 측정 %2, %3</translation>
    </message>
    <message>
        <source>%1: stopped after %2 with %3 of %4 requests done; a stopped run is not measured against the prediction</source>
        <translation>%1: %2 후 중지, 요청 %4개 중 %3개 완료. 중지한 실행은 예측과 비교하지 않습니다</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>1. Sequential: one request at a time</source>
        <translation>1. 순차: 한 번에 요청 하나</translation>
    </message>
    <message>
        <source>The lesson&apos;s first program calls requests.get in a loop. Each request starts only when the one before it has finished, so five requests of 1 s take the sum of their latencies: about 5 s.</source>
        <translation>수업의 첫 번째 프로그램은 반복문 안에서 requests.get을 호출합니다. 각 요청은 앞의 요청이 끝나야만 시작하므로, 1초짜리 요청 다섯 개는 지연 시간의 합, 약 5초가 걸립니다.</translation>
    </message>
    <message>
        <source>The bars form a staircase: each starts where the one before ends. The in-flight strip stays flat at 1.</source>
        <translation>막대가 계단 모양을 이룹니다. 각 막대는 앞의 막대가 끝나는 곳에서 시작합니다. 진행 중 띠는 1에서 평평하게 유지됩니다.</translation>
    </message>
    <message>
        <source>Sequential, 5 requests of 1 s</source>
        <translation>순차, 1초짜리 요청 5개</translation>
    </message>
    <message>
        <source>2. Gather: every request at once</source>
        <translation>2. 동시 실행(gather): 모든 요청을 한꺼번에</translation>
    </message>
    <message>
        <source>httpx.AsyncClient with asyncio.gather. While one request awaits the network, the event loop starts the next, so all five are in flight together and the run takes about the longest latency: 1 s.</source>
        <translation>httpx.AsyncClient와 asyncio.gather를 씁니다. 한 요청이 네트워크를 기다리는 동안 이벤트 루프가 다음 요청을 시작하므로, 다섯 개가 모두 함께 진행 중이 되고 실행은 가장 긴 지연 시간, 약 1초가 걸립니다.</translation>
    </message>
    <message>
        <source>All five bars start together and end together. The in-flight strip jumps to 5.</source>
        <translation>다섯 막대가 모두 함께 시작해서 함께 끝납니다. 진행 중 띠는 5로 솟습니다.</translation>
    </message>
    <message>
        <source>Gather, 5 requests of 1 s</source>
        <translation>동시 실행(gather), 1초짜리 요청 5개</translation>
    </message>
    <message>
        <source>3. Semaphore(3) with a 1 s sleep inside</source>
        <translation>3. 안에 1초 sleep이 있는 Semaphore(3)</translation>
    </message>
    <message>
        <source>asyncio.Semaphore(3) lets three requests in at a time. The polite asyncio.sleep(1) is inside the async with block, so each permit is held for the response and one more second: ten requests of 1 s take four rounds of 2 s, about 8 s.</source>
        <translation>asyncio.Semaphore(3)는 한 번에 요청 세 개만 들여보냅니다. 예의 바른 asyncio.sleep(1)이 async with 블록 안에 있으므로 각 허가는 응답 동안과 그 뒤 1초 더 붙잡혀 있습니다. 그래서 1초짜리 요청 열 개는 2초짜리 네 차례, 약 8초가 걸립니다.</translation>
    </message>
    <message>
        <source>Hollow bars are requests waiting at async with semaphore. The hatched part is the sleep, with the permit still held, so the 4th request starts 1 s after the first response ends. The in-flight strip stays at 3.</source>
        <translation>속이 빈 막대는 async with semaphore에서 대기 중인 요청입니다. 빗금 친 부분은 허가를 쥔 채로 자는 sleep이므로, 4번째 요청은 첫 응답이 끝나고 1초 뒤에 시작합니다. 진행 중 띠는 3에 머뭅니다.</translation>
    </message>
    <message>
        <source>Semaphore(3), 1 s delay, 10 requests of 1 s</source>
        <translation>Semaphore(3), 1초 지연, 1초짜리 요청 10개</translation>
    </message>
    <message>
        <source>4. Hidden limits: a gather that is secretly a semaphore</source>
        <translation>4. 숨은 제한: 사실은 세마포어인 동시 실행(gather)</translation>
    </message>
    <message>
        <source>Run a gather of 60 requests of 500 ms plainly: about 0.5 s. Then put it behind the limits real clients apply without saying so. A browser opens at most 6 connections per host, so the same gather takes ten rounds, about 5 s. httpx and aiohttp pool 100 connections, so a gather of 1000 URLs is really a Semaphore(100).</source>
        <translation>500 ms짜리 요청 60개를 그냥 동시 실행(gather)하면 약 0.5초가 걸립니다. 이제 실제 클라이언트가 말없이 적용하는 제한 뒤에 두어 보세요. 브라우저는 호스트당 연결을 최대 6개만 열므로 같은 gather가 열 차례, 약 5초가 걸립니다. httpx와 aiohttp는 연결 풀이 100개이므로, URL 1000개의 gather는 사실상 Semaphore(100)입니다.</translation>
    </message>
    <message>
        <source>Behind the per-host cap the picture looks like Semaphore(6): hollow waiting bars and a plateau at 6, though the program never made a semaphore. With 1000 URLs behind a pool of 100, the plateau is at 100 and the run takes ten rounds.</source>
        <translation>호스트당 상한 뒤에서는 그림이 Semaphore(6)처럼 보입니다. 프로그램은 세마포어를 만든 적이 없는데도 속이 빈 대기 막대가 보이고 6에서 평평해집니다. 풀 100개 뒤의 URL 1000개는 100에서 평평해지고 실행은 열 차례가 걸립니다.</translation>
    </message>
    <message>
        <source>Plain gather, 60 requests of 500 ms</source>
        <translation>그냥 동시 실행(gather), 500 ms짜리 요청 60개</translation>
    </message>
    <message>
        <source>A browser: 6 connections per host</source>
        <translation>브라우저: 호스트당 연결 6개</translation>
    </message>
    <message>
        <source>httpx or aiohttp: a pool of 100, 1000 URLs</source>
        <translation>httpx 또는 aiohttp: 풀 100개, URL 1000개</translation>
    </message>
    <message>
        <source>5. The sweep: where more concurrency stops helping</source>
        <translation>5. 스윕: 동시성을 늘려도 더는 빨라지지 않는 지점</translation>
    </message>
    <message>
        <source>Limited mode runs once for each k: 1, 2, 4 … 64, on 32 requests of 250 ms. The time halves each time k doubles, as n/k rounds, until k reaches the number of URLs; past that, more permits change nothing. Against a real server gains stop sooner: at the server&apos;s own limit or at a per-host cap.</source>
        <translation>제한 모드를 k마다 한 번씩 실행합니다: 250 ms짜리 요청 32개에 대해 1, 2, 4 … 64. k가 두 배가 될 때마다 n/k 차례만큼 시간이 절반으로 줄다가, k가 URL 수에 이르면 멈춥니다. 그 뒤로는 허가를 늘려도 달라지는 것이 없습니다. 실제 서버에서는 더 일찍 멈춥니다: 서버 자체의 한계나 호스트당 상한에서.</translation>
    </message>
    <message>
        <source>On the sweep chart the measured curve follows the predicted one down, then flattens; the marker shows where, and why. The gap between the curves is the overhead.</source>
        <translation>스윕 차트에서 측정한 곡선은 예측 곡선을 따라 내려가다가 평평해집니다. 표시가 그 지점과 이유를 보여 줍니다. 두 곡선 사이의 차이가 오버헤드입니다.</translation>
    </message>
    <message>
        <source>Sweep k = 1 … 64, 32 requests of 250 ms</source>
        <translation>스윕 k = 1 … 64, 250 ms짜리 요청 32개</translation>
    </message>
</context>
<context>
    <name>LimitSlider</name>
    <message>
        <source>Concurrency limit</source>
        <translation>동시성 한도</translation>
    </message>
    <message>
        <source>How many requests may be in flight at once (the semaphore&apos;s size). Drag it during a run to resize the gate live.</source>
        <translation>동시에 진행 중일 수 있는 요청 수(세마포어의 크기). 실행 중에 끌면 세마포어 크기가 바로 바뀝니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Crawlscope</source>
        <translation>Crawlscope</translation>
    </message>
    <message>
        <source>{demo} = %1, the built-in demo server</source>
        <translation>{demo} = %1, 내장 데모 서버</translation>
    </message>
    <message>
        <source>The built-in demo server could not start: %1</source>
        <translation>내장 데모 서버를 시작할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>URLs</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Sequential</source>
        <translation>순차</translation>
    </message>
    <message>
        <source>Gather all</source>
        <translation>동시 실행(gather)</translation>
    </message>
    <message>
        <source>Limited (semaphore)</source>
        <translation>제한(세마포어)</translation>
    </message>
    <message>
        <source>&amp;Mode:</source>
        <translation>모드(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>동시성(&amp;C):</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Politeness delay after each response, held inside the gate</source>
        <translation>응답마다 세마포어 안에서 유지하는 예의 지연</translation>
    </message>
    <message>
        <source>&amp;Delay:</source>
        <translation>지연(&amp;D):</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>상한 없음</translation>
    </message>
    <message>
        <source>Connections per host; the wait it causes is drawn as waiting</source>
        <translation>호스트당 연결 수. 이 때문에 생기는 기다림은 대기로 그려집니다</translation>
    </message>
    <message>
        <source>&amp;Per host:</source>
        <translation>호스트당(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>시간 제한(&amp;T):</translation>
    </message>
    <message>
        <source>Run the URLs (Ctrl+R)</source>
        <translation>URL 실행하기(Ctrl+R)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop the run, keeping everything recorded so far (Esc)</source>
        <translation>실행을 멈추고 지금까지 기록한 것은 모두 유지합니다(Esc)</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Run sequential, gather all and limited(k) on the same URLs, one after another, on one time axis (Ctrl+Shift+R)</source>
        <translation>같은 URL로 순차, 동시 실행(gather), 제한(k)을 차례로 실행해 한 시간 축에 보여 줍니다(Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Filter requests by URL, outcome or error…</source>
        <translation>URL, 결과, 오류로 요청 거르기…</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Frontier</source>
        <translation>프런티어</translation>
    </message>
    <message>
        <source>Site Tree</source>
        <translation>사이트 트리</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>A URL list (.txt), or saved runs (.json, .csv, .har)</source>
        <translation>URL 목록(.txt) 또는 저장한 실행(.json, .csv, .har)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Compare the Three Modes</source>
        <translation>세 모드 비교하기(&amp;C)</translation>
    </message>
    <message>
        <source>Run and &amp;Keep Earlier Runs</source>
        <translation>이전 실행을 유지하며 실행(&amp;K)</translation>
    </message>
    <message>
        <source>Add a run with the current settings (a new k, say) beside the runs shown</source>
        <translation>현재 설정(예: 새 k)으로 실행 하나를 보이는 실행 옆에 더합니다</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>실행 목록(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>예제(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit Whole Run</source>
        <translation>실행 전체 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>Pack Into &amp;Lanes</source>
        <translation>레인으로 모으기(&amp;L)</translation>
    </message>
    <message>
        <source>One lane per permit instead of one row per request</source>
        <translation>요청마다 한 행 대신 허가마다 한 레인</translation>
    </message>
    <message>
        <source>Show &amp;Ideal Schedule</source>
        <translation>이상적인 일정 보기(&amp;I)</translation>
    </message>
    <message>
        <source>Dashed ghost marks where the zero-overhead schedule would put each request</source>
        <translation>오버헤드가 없는 일정이라면 각 요청이 놓일 자리를 점선으로 표시합니다</translation>
    </message>
    <message>
        <source>&amp;Colour by Host</source>
        <translation>호스트별 색(&amp;C)</translation>
    </message>
    <message>
        <source>Each host its own colour on the bars, the legend and the in-flight strip</source>
        <translation>막대, 범례, 진행 중 띠에서 호스트마다 고유한 색</translation>
    </message>
    <message>
        <source>&amp;Group Rows by Host</source>
        <translation>호스트별로 행 묶기(&amp;G)</translation>
    </message>
    <message>
        <source>One labelled group of rows per host, in the order the crawl first needed them</source>
        <translation>호스트마다 이름 붙은 행 묶음 하나, 크롤링이 처음 필요로 한 순서대로</translation>
    </message>
    <message>
        <source>&amp;Split In-Flight by Host</source>
        <translation>진행 중을 호스트별로 나누기(&amp;S)</translation>
    </message>
    <message>
        <source>Stack the in-flight count per host, with the total on top</source>
        <translation>호스트별 진행 중 수를 쌓고, 맨 위에 합계를 둡니다</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Crawlscope</source>
        <translation>Crawlscope 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About Crawlscope</source>
        <translation>Crawlscope 정보</translation>
    </message>
    <message>
        <source>Loaded: %1. Press Run.</source>
        <translation>불러옴: %1. 실행을 누르세요.</translation>
    </message>
    <message numerus="yes">
        <source>Opened %n run(s) from %1</source>
        <translation>
            <numerusform>%1에서 실행 %n개를 열었습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>열기</translation>
    </message>
    <message>
        <source>URL lists and runs (*.txt *.urls *.list %1);;All files (*)</source>
        <translation>URL 목록과 실행 (*.txt *.urls *.list %1);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>열 수 없음</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <source>%1 (*%2)</source>
        <translation>%1 (*%2)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>내보낼 수 없음</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1을(를) 썼습니다</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written</source>
        <translation>내보내기를 취소했습니다. %1은(는) 쓰지 않았습니다</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 내보내는 중…</translation>
    </message>
    <message>
        <source>No valid URL to run.</source>
        <translation>실행할 올바른 URL이 없습니다.</translation>
    </message>
    <message>
        <source>Cannot crawl: %1</source>
        <translation>크롤링할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>아직 실행이 없습니다</translation>
    </message>
    <message>
        <source>, delay %1 ms</source>
        <translation>, 지연 %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>Remove %1, %n request(s)</source>
        <translation>
            <numerusform>%1 제거, 요청 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped. Everything recorded so far is kept.</source>
        <translation>중지했습니다. 지금까지 기록한 것은 모두 유지합니다.</translation>
    </message>
    <message>
        <source>%1 was capped at %2 requests in flight: %3</source>
        <translation>%1은(는) 진행 중 요청 %2개로 제한되었습니다: %3</translation>
    </message>
    <message>
        <source>Pages %1   Queued %2   In flight %3   Skipped %4   Hosts %5   Elapsed %6</source>
        <translation>페이지 %1   대기열 %2   진행 중 %3   건너뜀 %4   호스트 %5   경과 %6</translation>
    </message>
    <message>
        <source>   ETA unknown</source>
        <translation>   남은 시간 알 수 없음</translation>
    </message>
    <message>
        <source>   ETA %1 for what is queued</source>
        <translation>   대기열의 남은 시간 %1</translation>
    </message>
    <message>
        <source>Stopped: %1 done, %2 cancelled   Elapsed %3</source>
        <translation>중지됨: %1개 완료, %2개 취소   경과 %3</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Crawlscope %1&lt;/h3&gt;&lt;p&gt;See concurrency: every request a bar from start to finish, sequential, gathered, or behind a semaphore.&lt;/p&gt;&lt;p&gt;Licence: GNU General Public License, version 3 or later.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Crawlscope %1&lt;/h3&gt;&lt;p&gt;동시성을 눈으로 봅니다: 모든 요청이 시작부터 끝까지 막대 하나로, 순차로, 동시 실행(gather)으로, 또는 세마포어 뒤에서.&lt;/p&gt;&lt;p&gt;라이선스: GNU 일반 공중 사용 허가서 버전 3 이상.&lt;/p&gt;&lt;p&gt;Qt %2(으)로 빌드했고, Qt %3에서 실행 중입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <source>Sweep (limited once per k)</source>
        <translation>스윕 (k마다 한 번씩 제한 실행)</translation>
    </message>
    <message>
        <source>Sequential: one at a time. Gather all: every request at once. Limited: at most k at once, behind a semaphore. Sweep: limited once for each k, in order.</source>
        <translation>순차: 한 번에 하나. 모두 동시 실행(gather): 모든 요청을 한꺼번에. 제한: 세마포어 뒤에서 한 번에 최대 k개. 스윕: k마다 차례로 한 번씩 제한 실행.</translation>
    </message>
    <message>
        <source>1, 2, 4 … up to the number of URLs</source>
        <translation>1, 2, 4 … URL 수까지</translation>
    </message>
    <message>
        <source>The sweep&apos;s k, in order, separated by commas</source>
        <translation>스윕의 k 값들, 순서대로, 쉼표로 구분</translation>
    </message>
    <message>
        <source>S&amp;weep k:</source>
        <translation>스윕 k(&amp;W):</translation>
    </message>
    <message>
        <source>Fail a request after this long without data</source>
        <translation>데이터 없이 이만큼 지나면 요청을 실패로 처리합니다</translation>
    </message>
    <message>
        <source>%1 × timeout</source>
        <translation>시간 제한 × %1</translation>
    </message>
    <message>
        <source>Fail a request not complete this long after it was issued, however slowly its data trickles in</source>
        <translation>요청을 보낸 뒤 이만큼 지나도 끝나지 않으면, 데이터가 아무리 느리게 오더라도 실패로 처리합니다</translation>
    </message>
    <message>
        <source>Deadli&amp;ne:</source>
        <translation>기한(&amp;N):</translation>
    </message>
    <message>
        <source>Locked while a run goes on: the engine reads it when a run starts. Stop, change it, and run again.</source>
        <translation>실행 중에는 잠겨 있습니다: 엔진은 실행을 시작할 때 이 값을 읽습니다. 중지하고 바꾼 뒤 다시 실행하세요.</translation>
    </message>
    <message>
        <source>Locked during Compare: its three runs share one k, the one it started with, so they compare. Stop, change it, and compare again.</source>
        <translation>비교 중에는 잠겨 있습니다: 세 실행이 비교되도록 시작할 때의 k 하나를 함께 씁니다. 중지하고 바꾼 뒤 다시 비교하세요.</translation>
    </message>
    <message>
        <source>&amp;Capture…</source>
        <translation>캡처(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>재생(&amp;R)</translation>
    </message>
    <message>
        <source>Play the finished runs back slowly, step by step, with their semaphore</source>
        <translation>완료된 실행을 세마포어와 함께 천천히, 한 단계씩 재생합니다</translation>
    </message>
    <message>
        <source>Replay needs a finished run: run one, or open a saved one.</source>
        <translation>재생하려면 완료된 실행이 필요합니다: 실행하거나 저장된 실행을 여세요.</translation>
    </message>
    <message>
        <source>Preset: %1 (source: %2)</source>
        <translation>프리셋: %1 (출처: %2)</translation>
    </message>
    <message>
        <source>Opened with warnings</source>
        <translation>열었지만 경고가 있음</translation>
    </message>
    <message>
        <source>%1 was opened, but:</source>
        <translation>%1을(를) 열었지만 다음 경고가 있습니다:</translation>
    </message>
    <message>
        <source>Memory bounds: %1 links past %2 per page not read; %3 skipped URLs only counted</source>
        <translation>메모리 한도: 페이지당 %2개를 넘은 링크 %1개는 읽지 않음; 건너뛴 URL %3개는 개수만 셈</translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation>실행 설정</translation>
    </message>
    <message numerus="yes">
        <source>On %n page(s), links after the first %1 were not read, nor counted.</source>
        <translation>
            <numerusform>페이지 %n개에서 처음 %1개 뒤의 링크는 읽지도 세지도 않음.</numerusform>
        </translation>
    </message>
    <message>
        <source>Done %1/%2   In flight %3   Waiting %4   Elapsed %5</source>
        <translation>완료 %1/%2   진행 중 %3   대기 %4   경과 %5</translation>
    </message>
    <message>
        <source>   ETA %1</source>
        <translation>   남은 시간 %1</translation>
    </message>
</context>
<context>
    <name>Mark</name>
    <message>
        <source>Queued</source>
        <translation>대기열에 들어감</translation>
    </message>
    <message>
        <source>Permit acquired</source>
        <translation>허가 받음</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>요청 시작</translation>
    </message>
    <message>
        <source>Connect started</source>
        <translation>연결 시작</translation>
    </message>
    <message>
        <source>TLS handshake done</source>
        <translation>TLS 핸드셰이크 완료</translation>
    </message>
    <message>
        <source>Request sent</source>
        <translation>요청 전송 완료</translation>
    </message>
    <message>
        <source>First byte</source>
        <translation>첫 바이트</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Delay over</source>
        <translation>지연 끝</translation>
    </message>
</context>
<context>
    <name>NativeMenus</name>
    <message>
        <source>Crawlscope &amp;User Guide</source>
        <translation>Crawlscope 사용 설명서(&amp;U)</translation>
    </message>
    <message>
        <source>Crawlscope User Guide</source>
        <translation>Crawlscope 사용 설명서</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>사용 설명서</translation>
    </message>
    <message>
        <source>The user guide (README.md) is not installed.</source>
        <translation>사용 설명서(README.md)가 설치되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>요청 세부 정보</translation>
    </message>
    <message>
        <source>Request views</source>
        <translation>요청 보기</translation>
    </message>
    <message>
        <source>“%1” is a file of Crawlscope&apos;s source tree; it is not installed with the program.</source>
        <translation>“%1”은(는) Crawlscope 소스 트리의 파일이라 프로그램과 함께 설치되지 않습니다.</translation>
    </message>
</context>
<context>
    <name>OpenedRunPanel</name>
    <message>
        <source>Unlock the settings and run them</source>
        <translation>설정의 잠금을 풀고 실행합니다</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <source>Unlock the settings to change them before the next run</source>
        <translation>다음 실행 전에 바꿀 수 있도록 설정의 잠금을 풉니다</translation>
    </message>
    <message>
        <source>These are the settings of the opened run (%1), shown read-only.</source>
        <translation>연 실행(%1)의 설정이며, 읽기 전용으로 표시됩니다.</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>다시 실행</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>Not finished</source>
        <translation>미완료</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>성공</translation>
    </message>
    <message>
        <source>HTTP error</source>
        <translation>HTTP 오류</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>PhaseSpans</name>
    <message>
        <source>Waiting for a permit</source>
        <translation>허가 대기</translation>
    </message>
    <message>
        <source>Connecting and sending</source>
        <translation>연결과 전송</translation>
    </message>
    <message>
        <source>Waiting for the response</source>
        <translation>응답 대기</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <source>Politeness delay</source>
        <translation>예의 지연</translation>
    </message>
    <message>
        <source>Connecting with TLS and sending</source>
        <translation>TLS 연결 및 전송</translation>
    </message>
</context>
<context>
    <name>PictureExport</name>
    <message>
        <source>Crawlscope timeline</source>
        <translation>Crawlscope 타임라인</translation>
    </message>
    <message>
        <source>Cannot export to &quot;%1&quot;: not a picture (use %2)</source>
        <translation>&quot;%1&quot;(으)로 내보낼 수 없습니다: 그림이 아닙니다(%2 중 하나를 쓰세요)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>JPEG image (*.jpg *.jpeg)</source>
        <translation>JPEG 이미지 (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Cannot export to &quot;%1&quot;: the picture could not be made</source>
        <translation>&quot;%1&quot;(으)로 내보낼 수 없습니다: 그림을 만들 수 없습니다</translation>
    </message>
</context>
<context>
    <name>Prediction</name>
    <message>
        <source>a crawl finds its pages as it goes</source>
        <translation>크롤링은 진행하면서 페이지를 찾습니다</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) to URLs not on the demo server: their latency is not known</source>
        <translation>
            <numerusform>데모 서버에 없는 URL로 가는 요청 %n개: 지연 시간을 알 수 없습니다</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>환경 설정</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The language of the window, its dialogs and its pictures</source>
        <translation>창, 대화 상자, 그림에 쓰는 언어</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>The command line follows the system&apos;s language (LANG).</source>
        <translation>명령줄은 시스템 언어(LANG)를 따릅니다.</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <source>Light or dark; the system&apos;s follows the desktop&apos;s palette</source>
        <translation>밝게 또는 어둡게. 시스템 기본값은 데스크톱의 팔레트를 따릅니다</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>테마(&amp;T):</translation>
    </message>
</context>
<context>
    <name>PresentationMode</name>
    <message>
        <source>&amp;Presentation</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen with large text and a slim bar of controls; Esc leaves it</source>
        <translation>큰 글자와 얇은 조작 막대가 있는 전체 화면. Esc로 나갑니다</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>글자 크게(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation>글자 작게(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Actual Text Size</source>
        <translation>원래 글자 크기(&amp;A)</translation>
    </message>
    <message>
        <source>Leave Presentation</source>
        <translation>발표 모드 나가기</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>발표 모드</translation>
    </message>
</context>
<context>
    <name>PresetMenu</name>
    <message>
        <source>&amp;Presets</source>
        <translation>프리셋(&amp;P)</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>출처: %1</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>ProxyConnection</name>
    <message>
        <source>CONNECT needs host:port, not &quot;%1&quot;</source>
        <translation>CONNECT에는 &quot;%1&quot;이 아니라 host:port가 필요합니다</translation>
    </message>
    <message>
        <source>method %1 is not forwarded</source>
        <translation>%1 메서드는 전달하지 않습니다</translation>
    </message>
    <message>
        <source>origin-form request &quot;%1&quot;: this is a proxy, so the request line needs the whole URL (GET http://host/path)</source>
        <translation>origin-form 요청 &quot;%1&quot;: 이곳은 프록시이므로 요청 줄에 전체 URL이 필요합니다(GET http://host/path)</translation>
    </message>
    <message>
        <source>bad request-target &quot;%1&quot;</source>
        <translation>잘못된 request-target &quot;%1&quot;</translation>
    </message>
    <message>
        <source>scheme %1 is not forwarded: HTTPS goes through CONNECT, and is never looked into</source>
        <translation>%1 스킴은 전달하지 않습니다: HTTPS는 CONNECT로 지나가며 내용은 절대 들여다보지 않습니다</translation>
    </message>
    <message>
        <source>the request is for the proxy itself</source>
        <translation>프록시 자신을 향한 요청입니다</translation>
    </message>
    <message>
        <source>refused with %1: %2</source>
        <translation>%1(으)로 거부됨: %2</translation>
    </message>
    <message>
        <source>the client closed its connection</source>
        <translation>클라이언트가 연결을 닫았습니다</translation>
    </message>
    <message>
        <source>a chunked request body over %1 bytes: the proxy holds a chunked body whole before sending it; a longer one is streamed when sent with a Content-Length</source>
        <translation>%1바이트를 넘는 청크 방식 요청 본문: 프록시는 청크 방식 본문을 보내기 전에 통째로 보관합니다. 더 긴 본문은 Content-Length와 함께 보내면 스트리밍됩니다</translation>
    </message>
    <message>
        <source>the request body could not be read: %1</source>
        <translation>요청 본문을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>the client closed its connection before the whole request body</source>
        <translation>클라이언트가 요청 본문을 끝까지 보내기 전에 연결을 닫았습니다</translation>
    </message>
    <message>
        <source>the chunked request body was not complete %1 ms after its head (%2 bytes of it came)</source>
        <translation>청크 방식 요청 본문이 헤더 뒤 %1 ms가 지나도록 완성되지 않았습니다(%2바이트 도착)</translation>
    </message>
    <message>
        <source>the client sent no more of its chunked request body for %1 ms (%2 bytes of it came)</source>
        <translation>클라이언트가 %1 ms 동안 청크 방식 요청 본문을 더 보내지 않았습니다(%2바이트 도착)</translation>
    </message>
</context>
<context>
    <name>ProxyExchange</name>
    <message>
        <source>the proxy stopped</source>
        <translation>프록시가 멈췄습니다</translation>
    </message>
    <message>
        <source>response headers of %1 bytes exceed the limit of %2 bytes</source>
        <translation>%1바이트의 응답 헤더가 한도 %2바이트를 넘습니다</translation>
    </message>
    <message>
        <source>body of %1 bytes exceeds the limit of %2 bytes</source>
        <translation>%1바이트의 본문이 한도 %2바이트를 넘습니다</translation>
    </message>
    <message>
        <source>body exceeds the limit of %1 bytes</source>
        <translation>본문이 한도 %1바이트를 넘습니다</translation>
    </message>
    <message>
        <source>timed out: no data for %1 ms</source>
        <translation>시간 초과: %1 ms 동안 데이터가 없습니다</translation>
    </message>
    <message>
        <source>the server closed its kept-alive connection before answering, and the request body could not be sent again on a new one: the proxy keeps only a body&apos;s first %1 bytes for that, and this one has %2</source>
        <translation>서버가 응답하기 전에 유지 중이던(keep-alive) 연결을 닫았고, 요청 본문을 새 연결로 다시 보낼 수 없었습니다: 프록시는 이를 위해 본문의 처음 %1바이트만 보관하는데, 이 본문은 %2바이트입니다</translation>
    </message>
    <message>
        <source>the client sent %1 of the %2 request body bytes it announced, then nothing for %3 ms</source>
        <translation>클라이언트가 알린 요청 본문 %2바이트 중 %1바이트를 보낸 뒤 %3 ms 동안 아무것도 보내지 않았습니다</translation>
    </message>
</context>
<context>
    <name>ProxyTunnel</name>
    <message>
        <source>the proxy stopped</source>
        <translation>프록시가 멈췄습니다</translation>
    </message>
    <message>
        <source>timed out connecting to %1:%2 after %3 ms</source>
        <translation>%3 ms 후 %1:%2 연결 시간 초과</translation>
    </message>
</context>
<context>
    <name>PythonProgram</name>
    <message>
        <source>The demo server: `crawlscope serve-demo --port %1`.</source>
        <translation>데모 서버: `crawlscope serve-demo --port %1`.</translation>
    </message>
    <message>
        <source>`crawlscope capture --demo` starts one for you.</source>
        <translation>`crawlscope capture --demo`는 데모 서버를 직접 띄워 줍니다.</translation>
    </message>
    <message>
        <source>One request at a time: the run takes the sum of the latencies.</source>
        <translation>한 번에 요청 하나: 실행 시간은 지연 시간의 합입니다.</translation>
    </message>
    <message>
        <source>Be a good web citizen: wait before the next request.</source>
        <translation>좋은 웹 시민이 되세요: 다음 요청 전에 기다립니다.</translation>
    </message>
    <message>
        <source>At most %1 requests at once: the run takes about n/%1 rounds.</source>
        <translation>한 번에 최대 %1개 요청: 실행은 약 n/%1 라운드가 걸립니다.</translation>
    </message>
    <message>
        <source>Every request at once: the run takes about the longest latency.</source>
        <translation>모든 요청을 한꺼번에: 실행 시간은 가장 긴 지연 시간 정도입니다.</translation>
    </message>
    <message>
        <source>Waits here until one of the %1 permits is free.</source>
        <translation>%1개의 허가 중 하나가 빌 때까지 여기서 기다립니다.</translation>
    </message>
    <message>
        <source>And until its host has one of its %1 connections free.</source>
        <translation>그리고 그 호스트의 연결 %1개 중 하나가 빌 때까지 기다립니다.</translation>
    </message>
    <message>
        <source>Be a good web citizen: the permit is held through the pause.</source>
        <translation>좋은 웹 시민이 되세요: 쉬는 동안에도 허가를 쥐고 있습니다.</translation>
    </message>
    <message>
        <source>Be a good web citizen: pause after the response.</source>
        <translation>좋은 웹 시민이 되세요: 응답을 받은 뒤 잠시 쉽니다.</translation>
    </message>
    <message>
        <source>httpx pools 100 connections by default.</source>
        <translation>httpx는 기본으로 연결 100개를 풀로 씁니다.</translation>
    </message>
    <message>
        <source>Without this, more than 100 at once would secretly wait for the pool, like a semaphore of 100.</source>
        <translation>이 설정이 없으면 한 번에 100개를 넘는 요청은 크기 100의 세마포어처럼 풀을 몰래 기다립니다.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover runs</source>
        <translation>실행 복구</translation>
    </message>
    <message>
        <source>Crawlscope ended before these runs were saved. Their requests were journaled as they went; recover them to see and save them.</source>
        <translation>이 실행들이 저장되기 전에 Crawlscope가 종료되었습니다. 요청은 실행되는 동안 저널에 기록되었으므로, 복구하면 보고 저장할 수 있습니다.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>ended, not saved</source>
        <translation>끝남, 저장 안 됨</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>복구</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>Unsaved runs</source>
        <translation>저장하지 않은 실행</translation>
    </message>
</context>
<context>
    <name>ReplayBar</name>
    <message>
        <source>Step back to the previous event (Left)</source>
        <translation>이전 이벤트로 한 단계 뒤로 (왼쪽 화살표)</translation>
    </message>
    <message>
        <source>Step to the next event: a start, a phase change, an end or a gate change (Right)</source>
        <translation>다음 이벤트로 한 단계 앞으로: 시작, 단계 변화, 끝 또는 세마포어 크기 변화 (오른쪽 화살표)</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>재생 속도</translation>
    </message>
    <message>
        <source>Stop replaying and show the runs whole</source>
        <translation>재생을 멈추고 실행 전체를 보여 줍니다</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>일시 정지 (스페이스)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>재생 (스페이스)</translation>
    </message>
</context>
<context>
    <name>ReplayController</name>
    <message>
        <source>Semaphore</source>
        <translation>세마포어</translation>
    </message>
</context>
<context>
    <name>ReplayScrubber</name>
    <message>
        <source>Replay time: click or drag to move through the run</source>
        <translation>재생 시각: 클릭하거나 끌어서 실행 안에서 이동합니다</translation>
    </message>
</context>
<context>
    <name>RequestDetails</name>
    <message>
        <source>&lt;p style=&apos;color:gray&apos;&gt;Click a bar or a row to see the request in full.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;막대나 행을 누르면 요청을 자세히 볼 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Final URL</source>
        <translation>최종 URL</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>응답 코드</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>콘텐츠 형식</translation>
    </message>
    <message>
        <source>Redirects</source>
        <translation>리디렉션</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>did not happen</source>
        <translation>일어나지 않음</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>%1 시점</translation>
    </message>
    <message>
        <source>Waiting for the gate</source>
        <translation>세마포어 대기</translation>
    </message>
    <message>
        <source>Connecting and sending</source>
        <translation>연결과 전송</translation>
    </message>
    <message>
        <source>Waiting for the first byte</source>
        <translation>첫 바이트 대기</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <source>Politeness delay</source>
        <translation>예의 지연</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>진행 중</translation>
    </message>
</context>
<context>
    <name>RequestParser</name>
    <message>
        <source>Upgrade requests are not forwarded</source>
        <translation>Upgrade 요청은 전달하지 않습니다</translation>
    </message>
    <message>
        <source>unknown method</source>
        <translation>알 수 없는 메서드</translation>
    </message>
    <message>
        <source>malformed request: %1</source>
        <translation>잘못된 형식의 요청: %1</translation>
    </message>
    <message>
        <source>request head longer than %1 bytes</source>
        <translation>요청 헤더 부분이 %1바이트보다 깁니다</translation>
    </message>
    <message>
        <source>no request body is expected here</source>
        <translation>여기에는 요청 본문이 올 수 없습니다</translation>
    </message>
    <message>
        <source>malformed request body: %1</source>
        <translation>잘못된 형식의 요청 본문: %1</translation>
    </message>
    <message>
        <source>Content-Length %1 is larger than any body can be</source>
        <translation>Content-Length %1은(는) 어떤 본문도 가질 수 없는 크기입니다</translation>
    </message>
    <message>
        <source>request body with a Transfer-Encoding other than chunked</source>
        <translation>chunked가 아닌 Transfer-Encoding으로 보낸 요청 본문</translation>
    </message>
</context>
<context>
    <name>RunCaption</name>
    <message>
        <source>Sequential</source>
        <translation>순차</translation>
    </message>
    <message>
        <source>Gather</source>
        <translation>동시 실행(gather)</translation>
    </message>
    <message>
        <source>Limited (%1)</source>
        <translation>제한(%1)</translation>
    </message>
    <message>
        <source>Sequential (one at a time)</source>
        <translation>순차(한 번에 하나씩)</translation>
    </message>
    <message>
        <source>Gather (all at once)</source>
        <translation>동시 실행(gather, 모두 한꺼번에)</translation>
    </message>
    <message>
        <source>Limited: semaphore of %1</source>
        <translation>제한: 세마포어 %1</translation>
    </message>
    <message>
        <source>delay %1 ms</source>
        <translation>지연 %1 ms</translation>
    </message>
    <message>
        <source>%1 per host</source>
        <translation>호스트당 %1</translation>
    </message>
    <message>
        <source>crawl to depth %1</source>
        <translation>깊이 %1까지 크롤링</translation>
    </message>
    <message>
        <source>robots.txt IGNORED</source>
        <translation>robots.txt 무시함</translation>
    </message>
    <message>
        <source>%1 URLs skipped</source>
        <translation>URL %1개 건너뜀</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>요청 1개</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>요청 %1개</translation>
    </message>
    <message>
        <source>running %1</source>
        <translation>실행 중 %1</translation>
    </message>
    <message>
        <source>stopped after %1</source>
        <translation>%1 후 중지됨</translation>
    </message>
    <message>
        <source>wall %1</source>
        <translation>실제 %1</translation>
    </message>
    <message>
        <source>%1× faster than sequential</source>
        <translation>순차보다 %1배 빠름</translation>
    </message>
    <message>
        <source>peak %1 in flight</source>
        <translation>최대 진행 중 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n개 실패</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n개 취소됨</numerusform>
        </translation>
    </message>
    <message>
        <source>gate resized %1 → %2</source>
        <translation>세마포어 크기 변경 %1 → %2</translation>
    </message>
    <message>
        <source>no prediction: %1</source>
        <translation>예측 없음: %1</translation>
    </message>
    <message>
        <source>predicted %1</source>
        <translation>예측 %1</translation>
    </message>
    <message>
        <source>predicted %1, overhead %2%3 (%2%4 %)</source>
        <translation>예측 %1, 오버헤드 %2%3 (%2%4 %)</translation>
    </message>
    <message>
        <source>ideal %1</source>
        <translation>이상 %1</translation>
    </message>
</context>
<context>
    <name>RunFilterBox</name>
    <message>
        <source>Which run&apos;s requests the table lists</source>
        <translation>표에 요청을 보여 줄 실행</translation>
    </message>
    <message>
        <source>All runs</source>
        <translation>모든 실행</translation>
    </message>
</context>
<context>
    <name>RunModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>응답 코드</translation>
    </message>
    <message>
        <source>Waiting (ms)</source>
        <translation>대기(ms)</translation>
    </message>
    <message>
        <source>Connect+send (ms)</source>
        <translation>연결+전송(ms)</translation>
    </message>
    <message>
        <source>First byte (ms)</source>
        <translation>첫 바이트(ms)</translation>
    </message>
    <message>
        <source>Download (ms)</source>
        <translation>내려받기(ms)</translation>
    </message>
    <message>
        <source>Delay (ms)</source>
        <translation>지연(ms)</translation>
    </message>
    <message>
        <source>In flight (ms)</source>
        <translation>진행 중(ms)</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>바이트</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>콘텐츠 형식</translation>
    </message>
    <message>
        <source>Redirects</source>
        <translation>리디렉션</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>%1 (reused)</source>
        <translation>%1(재사용)</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>cancelled while waiting for its turn</source>
        <translation>차례를 기다리는 중에 취소됨</translation>
    </message>
</context>
<context>
    <name>RunsTableModel</name>
    <message>
        <source>%1 (run %2)</source>
        <translation>%1 (실행 %2)</translation>
    </message>
    <message>
        <source>%1 #%2</source>
        <translation>%1 #%2</translation>
    </message>
</context>
<context>
    <name>Samples</name>
    <message>
        <source>Lesson 1: sequential, 5 requests of 1 s</source>
        <translation>수업 1: 순차, 1초짜리 요청 5개</translation>
    </message>
    <message>
        <source>Lesson 2: asyncio.gather, 5 requests of 1 s</source>
        <translation>수업 2: asyncio.gather, 1초짜리 요청 5개</translation>
    </message>
    <message>
        <source>Lesson 3: Semaphore(3) with a 1 s delay, 10 requests of 1 s</source>
        <translation>수업 3: 1초 지연을 둔 Semaphore(3), 1초짜리 요청 10개</translation>
    </message>
    <message>
        <source>Crawl the demo site politely: depth 5, 2 connections per host</source>
        <translation>데모 사이트를 예의 바르게 크롤링: 깊이 5, 호스트당 연결 2개</translation>
    </message>
</context>
<context>
    <name>SiteTreeModel</name>
    <message>
        <source>%1 (attempt %2)</source>
        <translation>%1(시도 %2)</translation>
    </message>
    <message>
        <source>attempt %1: %2</source>
        <translation>시도 %1: %2</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>응답 코드</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>깊이</translation>
    </message>
</context>
<context>
    <name>SkipReason</name>
    <message>
        <source>robots.txt</source>
        <translation>robots.txt</translation>
    </message>
    <message>
        <source>out of scope</source>
        <translation>범위 밖</translation>
    </message>
    <message>
        <source>too deep</source>
        <translation>너무 깊음</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>중복</translation>
    </message>
    <message>
        <source>page limit</source>
        <translation>페이지 한도</translation>
    </message>
    <message>
        <source>nofollow</source>
        <translation>nofollow</translation>
    </message>
    <message>
        <source>redirect limit</source>
        <translation>리디렉션 한도</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>SlideExport</name>
    <message>
        <source>Crawlscope timeline</source>
        <translation>Crawlscope 타임라인</translation>
    </message>
    <message>
        <source> vs </source>
        <translation> 대 </translation>
    </message>
    <message>
        <source>%1: 1 request each</source>
        <translation>%1: 각 요청 1개</translation>
    </message>
    <message>
        <source>%1: %2 requests each</source>
        <translation>%1: 각 요청 %2개</translation>
    </message>
</context>
<context>
    <name>SummaryCharts</name>
    <message>
        <source>In Flight</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>In flight over time</source>
        <translation>시간에 따른 진행 중 요청</translation>
    </message>
    <message>
        <source>Durations</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>Request durations</source>
        <translation>요청 소요 시간</translation>
    </message>
    <message>
        <source>Total vs Ideal</source>
        <translation>전체 대 이상</translation>
    </message>
    <message>
        <source>Total vs ideal</source>
        <translation>전체 시간 대 이상적인 시간</translation>
    </message>
    <message>
        <source>Time since the run started (s)</source>
        <translation>실행 시작 후 시간(초)</translation>
    </message>
    <message>
        <source>Requests in flight</source>
        <translation>진행 중인 요청</translation>
    </message>
    <message>
        <source>Request duration, issued to finished (ms)</source>
        <translation>요청 소요 시간, 발행부터 완료까지(ms)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>요청</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>시간(초)</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>실제</translation>
    </message>
    <message>
        <source>Ideal</source>
        <translation>이상</translation>
    </message>
    <message>
        <source>@value s</source>
        <translation>@value초</translation>
    </message>
    <message>
        <source>Cannot export the chart to &quot;%1&quot;: %2</source>
        <translation>차트를 &quot;%1&quot;(으)로 내보낼 수 없습니다: %2</translation>
    </message>
    <message>
        <source>there is no chart %1</source>
        <translation>차트 %1이(가) 없습니다</translation>
    </message>
    <message>
        <source>the scale %1 is not between 0 and 16</source>
        <translation>배율 %1이(가) 0과 16 사이가 아닙니다</translation>
    </message>
    <message>
        <source>an image of %1 × %2 pixels could not be made</source>
        <translation>%1 × %2 픽셀 이미지를 만들 수 없습니다</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>차트 내보내기…</translation>
    </message>
    <message>
        <source>in-flight</source>
        <translation>in-flight</translation>
    </message>
    <message>
        <source>request-durations</source>
        <translation>request-durations</translation>
    </message>
    <message>
        <source>total-vs-ideal</source>
        <translation>total-vs-ideal</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <source>No run yet: press Run or Compare, and these charts compare the runs shown.</source>
        <translation>아직 실행이 없습니다. 실행이나 비교를 누르면 이 차트들이 보이는 실행들을 비교합니다.</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;; use %2</source>
        <translation>알 수 없는 형식 &quot;%1&quot;. %2 중 하나를 쓰세요</translation>
    </message>
</context>
<context>
    <name>SweepChart</name>
    <message>
        <source>Sweep: wall time against k</source>
        <translation>스윕: k에 따른 전체 시간</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>측정</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>gains stop</source>
        <translation>이득이 멈춤</translation>
    </message>
    <message>
        <source>k (permits, log scale)</source>
        <translation>k (허가 수, 로그 눈금)</translation>
    </message>
    <message>
        <source>wall time (s)</source>
        <translation>전체 시간 (초)</translation>
    </message>
    <message>
        <source>Run a sweep (mode Sweep) to see wall time against k.</source>
        <translation>k에 따른 전체 시간을 보려면 스윕(Sweep 모드)을 실행하세요.</translation>
    </message>
    <message>
        <source>No flattening up to k = %1: %2</source>
        <translation>k = %1까지 평평해지지 않음: %2</translation>
    </message>
    <message>
        <source>From k = %1 (%2) more permits stop helping: %3</source>
        <translation>k = %1(%2)부터는 허가를 늘려도 도움이 되지 않습니다: %3</translation>
    </message>
</context>
<context>
    <name>SweepCurve</name>
    <message>
        <source>still getting faster at the largest k</source>
        <translation>가장 큰 k에서도 아직 빨라지고 있음</translation>
    </message>
    <message>
        <source>k reached the number of URLs (%1): no request is left to start</source>
        <translation>k가 URL 수(%1)에 이르렀습니다: 시작할 요청이 더 남아 있지 않습니다</translation>
    </message>
    <message>
        <source>the per-host cap (%1 per host) holds the rest back</source>
        <translation>호스트당 상한(호스트당 %1개)이 나머지를 붙잡아 둡니다</translation>
    </message>
    <message>
        <source>the server (or this machine) answers no faster: its own limit</source>
        <translation>서버(또는 이 컴퓨터)가 더 빨리 답하지 못합니다: 그 자체의 한계</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
</context>
<context>
    <name>TimeAxis</name>
    <message>
        <source>Time axis</source>
        <translation>시간 축</translation>
    </message>
    <message>
        <source>Drag across the axis to zoom to that range; double-click to show the whole run.</source>
        <translation>축을 가로질러 끌면 그 구간으로 확대합니다. 두 번 누르면 실행 전체를 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>TimeScale</name>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
</context>
<context>
    <name>TimelineLegend</name>
    <message>
        <source>Timeline legend</source>
        <translation>타임라인 범례</translation>
    </message>
    <message>
        <source>+1 more host</source>
        <translation>+호스트 1개 더</translation>
    </message>
    <message>
        <source>+%1 more hosts</source>
        <translation>+호스트 %1개 더</translation>
    </message>
    <message>
        <source>Waiting for a permit</source>
        <translation>허가 대기</translation>
    </message>
    <message>
        <source>Connect + send</source>
        <translation>연결 + 전송</translation>
    </message>
    <message>
        <source>Waiting for the response</source>
        <translation>응답 대기</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <source>Delay (permit held)</source>
        <translation>지연(허가 유지)</translation>
    </message>
    <message>
        <source>HTTP error</source>
        <translation>HTTP 오류</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Merged (zoom in)</source>
        <translation>합쳐짐(확대하세요)</translation>
    </message>
    <message>
        <source>Gate size changed</source>
        <translation>세마포어 크기 변경</translation>
    </message>
    <message>
        <source>Ideal schedule</source>
        <translation>이상적인 일정</translation>
    </message>
    <message>
        <source>robots.txt request</source>
        <translation>robots.txt 요청</translation>
    </message>
    <message>
        <source>All %1 colours…</source>
        <translation>색상 %1개 모두 보기…</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS 핸드셰이크</translation>
    </message>
</context>
<context>
    <name>TimelinePainter</name>
    <message>
        <source>gate → %1</source>
        <translation>세마포어 → %1</translation>
    </message>
    <message>
        <source>robots.txt</source>
        <translation>robots.txt</translation>
    </message>
    <message>
        <source>robots.txt · %1</source>
        <translation>robots.txt · %1</translation>
    </message>
    <message>
        <source>HTTP %1 · %2</source>
        <translation>HTTP %1 · %2</translation>
    </message>
    <message>
        <source>failed · %1</source>
        <translation>실패 · %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n개 실패</numerusform>
        </translation>
    </message>
    <message>
        <source>No run yet. Press Run: every request becomes a bar here, from queued to done.</source>
        <translation>아직 실행이 없습니다. 실행을 누르세요: 모든 요청이 대기열부터 완료까지 여기에 막대로 그려집니다.</translation>
    </message>
    <message>
        <source>Waiting for the first requests…</source>
        <translation>첫 요청을 기다리는 중…</translation>
    </message>
    <message>
        <source>Ctrl+wheel zooms, Shift+wheel or dragging pans, F fits the whole run.</source>
        <translation>Ctrl+휠로 확대/축소, Shift+휠이나 끌기로 이동, F로 실행 전체를 맞춥니다.</translation>
    </message>
    <message>
        <source>HTTPS tunnel, encrypted</source>
        <translation>HTTPS 터널, 암호화됨</translation>
    </message>
    <message>
        <source>HTTPS tunnel, encrypted · %1</source>
        <translation>HTTPS 터널, 암호화됨 · %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>gate %1 → %2</source>
        <translation>세마포어 %1 → %2</translation>
    </message>
</context>
<context>
    <name>TimelineToolTips</name>
    <message>
        <source>1 request</source>
        <translation>요청 1개</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>요청 %1개</translation>
    </message>
    <message>
        <source>1 permit</source>
        <translation>허가 1개</translation>
    </message>
    <message>
        <source>%1 permits</source>
        <translation>허가 %1개</translation>
    </message>
    <message>
        <source>The gate was resized to %1 at %2.</source>
        <translation>%2에 세마포어 크기를 %1(으)로 바꿨습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n requests merged here — zoom in</source>
        <translation>
            <numerusform>요청 %n개가 여기에 합쳐졌습니다 — 확대하세요</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 to #%2</source>
        <translation>#%1부터 #%2까지</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n개 실패</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n개 취소됨</numerusform>
        </translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1바이트</translation>
    </message>
    <message>
        <source>1 redirect</source>
        <translation>리디렉션 1번</translation>
    </message>
    <message>
        <source>%1 redirects</source>
        <translation>리디렉션 %1번</translation>
    </message>
    <message>
        <source>robots.txt of %1</source>
        <translation>%1의 robots.txt</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>단계</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>소요 시간</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>cut off</source>
        <translation>잘림</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>HTTPS tunnel: encrypted, so the requests inside cannot be seen (the Python tracer sees them); %1 bytes sent</source>
        <translation>HTTPS 터널: 암호화되어 안의 요청은 볼 수 없습니다(파이썬 추적기는 볼 수 있습니다). 보낸 바이트 %1</translation>
    </message>
    <message>
        <source>%1 on client connection %2, reused</source>
        <translation>클라이언트 연결 %2의 %1, 재사용</translation>
    </message>
    <message>
        <source>%1 on client connection %2, new</source>
        <translation>클라이언트 연결 %2의 %1, 새 연결</translation>
    </message>
    <message>
        <source>; the proxy&apos;s own time %1</source>
        <translation>; 프록시 자체 시간 %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Request timeline</source>
        <translation>요청 타임라인</translation>
    </message>
</context>
<context>
    <name>ToolPreset</name>
    <message>
        <source>Scrapy defaults: 16 at once, 8 per domain, no delay</source>
        <translation>Scrapy 기본값: 동시에 16개, 도메인당 8개, 지연 없음</translation>
    </message>
    <message>
        <source>Scrapy settings CONCURRENT_REQUESTS=16, CONCURRENT_REQUESTS_PER_DOMAIN=8, DOWNLOAD_DELAY=0</source>
        <translation>Scrapy 설정 CONCURRENT_REQUESTS=16, CONCURRENT_REQUESTS_PER_DOMAIN=8, DOWNLOAD_DELAY=0</translation>
    </message>
    <message>
        <source>Scrapy project template: 1 per domain, 1 s delay</source>
        <translation>Scrapy 프로젝트 템플릿: 도메인당 1개, 1초 지연</translation>
    </message>
    <message>
        <source>settings.py generated by scrapy startproject: CONCURRENT_REQUESTS_PER_DOMAIN=1, DOWNLOAD_DELAY=1</source>
        <translation>scrapy startproject가 만드는 settings.py: CONCURRENT_REQUESTS_PER_DOMAIN=1, DOWNLOAD_DELAY=1</translation>
    </message>
    <message>
        <source>A browser: 6 connections per host</source>
        <translation>브라우저: 호스트당 연결 6개</translation>
    </message>
    <message>
        <source>HTTP/1.1 connections per host in Chrome and Firefox</source>
        <translation>Chrome과 Firefox의 호스트당 HTTP/1.1 연결 수</translation>
    </message>
    <message>
        <source>httpx: a pool of 100 connections</source>
        <translation>httpx: 연결 풀 100개</translation>
    </message>
    <message>
        <source>httpx DEFAULT_LIMITS: max_connections=100</source>
        <translation>httpx DEFAULT_LIMITS: max_connections=100</translation>
    </message>
    <message>
        <source>aiohttp: 100 connections, no cap per host</source>
        <translation>aiohttp: 연결 100개, 호스트당 상한 없음</translation>
    </message>
    <message>
        <source>aiohttp TCPConnector(limit=100, limit_per_host=0)</source>
        <translation>aiohttp TCPConnector(limit=100, limit_per_host=0)</translation>
    </message>
    <message>
        <source>curl --parallel: 50 transfers</source>
        <translation>curl --parallel: 전송 50개</translation>
    </message>
    <message>
        <source>curl --parallel-max default: 50</source>
        <translation>curl --parallel-max 기본값: 50</translation>
    </message>
    <message>
        <source>Screaming Frog: 5 threads</source>
        <translation>Screaming Frog: 스레드 5개</translation>
    </message>
    <message>
        <source>Screaming Frog SEO Spider speed settings: 5 threads</source>
        <translation>Screaming Frog SEO Spider 속도 설정: 스레드 5개</translation>
    </message>
</context>
<context>
    <name>TraceReceiver</name>
    <message>
        <source>unreadable tracer event: %1</source>
        <translation>읽을 수 없는 추적기 이벤트: %1</translation>
    </message>
    <message>
        <source>the program ended before the request did</source>
        <translation>요청이 끝나기 전에 프로그램이 종료되었습니다</translation>
    </message>
    <message>
        <source>a tracer event longer than %1 bytes was dropped</source>
        <translation>%1바이트보다 긴 추적 이벤트를 버렸습니다</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… 그 밖의 문제 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UrlEditor</name>
    <message>
        <source>Paste URLs here, one per line.
# comments and blank lines are ignored.
{demo} is the built-in demo server.</source>
        <translation>URL을 여기에 한 줄에 하나씩 붙여 넣으세요.
# 주석과 빈 줄은 무시합니다.
{demo}는 내장 데모 서버입니다.</translation>
    </message>
    <message>
        <source>URLs</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>repeat × </source>
        <translation>반복 × </translation>
    </message>
    <message>
        <source>Run the list this many times, like the lesson&apos;s [url] * 5</source>
        <translation>수업의 [url] * 5처럼 목록을 이만큼 반복해 실행합니다</translation>
    </message>
    <message numerus="yes">
        <source>%n valid URL(s) × %1 = %2 requests</source>
        <translation>
            <numerusform>올바른 URL %n개 × %1 = 요청 %2개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n valid URL(s)</source>
        <translation>
            <numerusform>올바른 URL %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>%1행: %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… 그리고 %n개 더</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UrlList</name>
    <message>
        <source>no scheme (did you mean %1?)</source>
        <translation>스킴이 없습니다(%1을(를) 뜻했나요?)</translation>
    </message>
    <message>
        <source>no scheme</source>
        <translation>스킴이 없음</translation>
    </message>
    <message>
        <source>unsupported scheme &quot;%1&quot; (only http and https)</source>
        <translation>지원하지 않는 스킴 &quot;%1&quot;(http와 https만 됩니다)</translation>
    </message>
    <message>
        <source>no host</source>
        <translation>호스트가 없음</translation>
    </message>
    <message>
        <source>line %1: %2: %3</source>
        <translation>%1행: %2: %3</translation>
    </message>
    <message>
        <source>not a URL: it needs http:// or https:// and a host</source>
        <translation>URL이 아닙니다: http:// 또는 https://와 호스트가 필요합니다</translation>
    </message>
    <message>
        <source>not a valid URL: the host name is not valid</source>
        <translation>올바른 URL이 아닙니다: 호스트 이름이 올바르지 않습니다</translation>
    </message>
    <message>
        <source>not a valid URL: a URL cannot contain a space (write it as %20)</source>
        <translation>올바른 URL이 아닙니다: URL에는 공백이 들어갈 수 없습니다(%20으로 쓰세요)</translation>
    </message>
    <message>
        <source>not a valid URL</source>
        <translation>올바른 URL이 아닙니다</translation>
    </message>
</context>
<context>
    <name>WindowSettings</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경 설정(&amp;P)…</translation>
    </message>
    <message>
        <source>Reset to &amp;Defaults</source>
        <translation>기본값으로 되돌리기(&amp;D)</translation>
    </message>
    <message>
        <source>Forget the saved window layout, URLs, run settings, View switches, recent files and language</source>
        <translation>저장한 창 배치, URL, 실행 설정, 보기 스위치, 최근 파일, 언어를 잊습니다</translation>
    </message>
    <message>
        <source>Settings reset to their defaults.</source>
        <translation>설정을 기본값으로 되돌렸습니다.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>crawlscope: cannot open the window (%1).
</source>
        <translation>crawlscope: 창을 열 수 없습니다(%1).
</translation>
    </message>
    <message>
        <source>Use &apos;crawlscope run ...&apos; on the command line; &apos;crawlscope run --help&apos; lists the options.
</source>
        <translation>명령줄에서 &apos;crawlscope run ...&apos;을 쓰세요. &apos;crawlscope run --help&apos;가 옵션을 보여 줍니다.
</translation>
    </message>
    <message>
        <source>Here is the lesson&apos;s comparison without a window:
</source>
        <translation>창 없이 수업의 비교를 보여 드립니다:
</translation>
    </message>
    <message>
        <source>no display: neither DISPLAY nor WAYLAND_DISPLAY is set</source>
        <translation>디스플레이 없음: DISPLAY도 WAYLAND_DISPLAY도 설정되어 있지 않습니다</translation>
    </message>
    <message>
        <source>no X server answers on DISPLAY=%1</source>
        <translation>DISPLAY=%1에서 응답하는 X 서버가 없습니다</translation>
    </message>
    <message>
        <source>Usage: crawlscope [FILE]          open the window
       crawlscope run [options] [URL ...]
       crawlscope recover [--list] [-o FILE] ...
       crawlscope code [options] [URL ...]
       crawlscope serve-demo [--port N]
       crawlscope capture [options] [-- COMMAND ...]
       crawlscope --version
Run &apos;crawlscope run --help&apos; for the run options.
</source>
        <translation>사용법: crawlscope [FILE]          창 열기
       crawlscope run [options] [URL ...]
       crawlscope recover [--list] [-o FILE] ...
       crawlscope code [options] [URL ...]
       crawlscope serve-demo [--port N]
       crawlscope capture [options] [-- COMMAND ...]
       crawlscope --version
실행 옵션은 &apos;crawlscope run --help&apos;로 확인하세요.
</translation>
    </message>
</context>
</TS>
