<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>%1  %n run(s), %2 requests, %3
  %4
</source>
        <translation>
            <numerusform>%1  %n run, %2 requests, %3
  %4
</numerusform>
            <numerusform>%1  %n runs, %2 requests, %3
  %4
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  memory bounds: on %n page(s), links after the first %1 were not read, nor counted
</source>
        <translation>
            <numerusform>  memory bounds: on %n page, links after the first %1 were not read, nor counted
</numerusform>
            <numerusform>  memory bounds: on %n pages, links after the first %1 were not read, nor counted
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Crawler</name>
    <message numerus="yes">
        <source>not retried: %n attempt(s) made</source>
        <translation>
            <numerusform>not retried: %n attempt made</numerusform>
            <numerusform>not retried: %n attempts made</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FrontierModel</name>
    <message numerus="yes">
        <source>HTML, %n link(s) followed</source>
        <translation>
            <numerusform>HTML, %n link followed</numerusform>
            <numerusform>HTML, %n links followed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FrontierView</name>
    <message numerus="yes">
        <source>%n fetched</source>
        <translation>
            <numerusform>%n fetched</numerusform>
            <numerusform>%n fetched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retry(s)</source>
        <translation>
            <numerusform>%n retry</numerusform>
            <numerusform>%n retries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in flight</source>
        <translation>
            <numerusform>%n in flight</numerusform>
            <numerusform>%n in flight</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n host</numerusform>
            <numerusform>%n hosts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InFlightStrip</name>
    <message numerus="yes">
        <source>%n more holding a permit in their delay</source>
        <translation>
            <numerusform>%n more holding a permit in its delay</numerusform>
            <numerusform>%n more holding a permit in their delay</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Remove %1, %n request(s)</source>
        <translation>
            <numerusform>Remove %1, %n request</numerusform>
            <numerusform>Remove %1, %n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On %n page(s), links after the first %1 were not read, nor counted.</source>
        <translation>
            <numerusform>On %n page, links after the first %1 were not read, nor counted.</numerusform>
            <numerusform>On %n pages, links after the first %1 were not read, nor counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %n run(s) from %1</source>
        <translation>
            <numerusform>Opened %n run from %1</numerusform>
            <numerusform>Opened %n runs from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Prediction</name>
    <message numerus="yes">
        <source>%n request(s) to URLs not on the demo server: their latency is not known</source>
        <translation>
            <numerusform>%n request to a URL not on the demo server: its latency is not known</numerusform>
            <numerusform>%n requests to URLs not on the demo server: their latency is not known</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunCaption</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePainter</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineToolTips</name>
    <message numerus="yes">
        <source>%n requests merged here — zoom in</source>
        <translation>
            <numerusform>%n request merged here — zoom in</numerusform>
            <numerusform>%n requests merged here — zoom in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TraceReceiver</name>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… and %n more problem</numerusform>
            <numerusform>… and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UrlEditor</name>
    <message numerus="yes">
        <source>%n valid URL(s) × %1 = %2 requests</source>
        <translation>
            <numerusform>%n valid URL × %1 = %2 requests</numerusform>
            <numerusform>%n valid URLs × %1 = %2 requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n valid URL(s)</source>
        <translation>
            <numerusform>%n valid URL</numerusform>
            <numerusform>%n valid URLs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
