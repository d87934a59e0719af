<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddressingOptions</name>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="23"/>
        <source>Dual-stack: IPv4 and IPv6 on ::</source>
        <translation>双栈：在 :: 上同时接受 IPv4 和 IPv6</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="24"/>
        <source>Show destination address</source>
        <translation>显示目的地址</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="25"/>
        <location filename="../../ui/pane/addressingoptions.py" line="74"/>
        <source>Multicast loopback</source>
        <translation>组播环回</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="29"/>
        <location filename="../../ui/pane/addressingoptions.py" line="31"/>
        <source>system default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="34"/>
        <location filename="../../ui/pane/addressingoptions.py" line="80"/>
        <location filename="../../ui/pane/addressingoptions.py" line="126"/>
        <source>Multicast TTL</source>
        <translation>组播 TTL</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="35"/>
        <location filename="../../ui/pane/addressingoptions.py" line="86"/>
        <location filename="../../ui/pane/addressingoptions.py" line="127"/>
        <source>Multicast send via</source>
        <translation>组播发送网卡</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="56"/>
        <location filename="../../ui/pane/addressingoptions.py" line="124"/>
        <source>Dual-stack</source>
        <translation>双栈</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="58"/>
        <source>IPV6_V6ONLY off: a socket on :: also takes IPv4 peers, shown as 127.0.0.1:port</source>
        <translation>关闭 IPV6_V6ONLY：绑定在 :: 上的套接字也接受 IPv4 对端，显示为 127.0.0.1:端口</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="64"/>
        <location filename="../../ui/pane/addressingoptions.py" line="125"/>
        <source>Destination address</source>
        <translation>目的地址</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="66"/>
        <source>Show the address and interface each datagram was sent to (IP_PKTINFO), e.g. 239.1.2.3:5000%eth0, as the row&apos;s local address; slower than the default batched receive</source>
        <translation>把每个数据报的目的地址和接收网卡（IP_PKTINFO）显示为该行的本地地址，例如 239.1.2.3:5000%eth0；比默认的批量接收慢</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="75"/>
        <source>Our own multicast sends are also delivered to this machine</source>
        <translation>本机发送的组播也投递给本机</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="81"/>
        <source>How many routers a multicast datagram may cross (hop limit for IPv6)</source>
        <translation>组播数据报可经过的路由器数（IPv6 的跳数限制）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="87"/>
        <source>The interface multicast datagrams are sent out of</source>
        <translation>组播数据报从哪个网卡发出</translation>
    </message>
    <message>
        <location filename="../../ui/pane/addressingoptions.py" line="128"/>
        <source>Multicast group</source>
        <translation>组播组</translation>
    </message>
</context>
<context>
    <name>BuiltinProfile</name>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="23"/>
        <source>Echo server</source>
        <extracomment>Every built-in profile&apos;s name and description, as stored.</extracomment>
        <translation>回显服务器</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="24"/>
        <source>Chat server</source>
        <translation>聊天服务器</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="25"/>
        <source>Chat client</source>
        <translation>聊天客户端</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="26"/>
        <source>UDP chat A</source>
        <translation>UDP 聊天 A</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="27"/>
        <source>UDP chat B</source>
        <translation>UDP 聊天 B</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="28"/>
        <source>Time server</source>
        <translation>时间服务器</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="29"/>
        <source>Sticky-packet demo client</source>
        <translation>粘包演示客户端</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="30"/>
        <source>Length-prefix server</source>
        <translation>长度前缀服务器</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="31"/>
        <source>Length-prefix client</source>
        <translation>长度前缀客户端</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="32"/>
        <source>TCP server on 127.0.0.1:9000 that sends every received chunk straight back.</source>
        <translation>监听 127.0.0.1:9000 的 TCP 服务器，把收到的每个数据块原样发回。</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="33"/>
        <source>TCP chat, server side: start it first, then connect the Chat client and type to each other.</source>
        <translation>TCP 聊天的服务器端：先启动它，再连接聊天客户端，双方互相输入消息。</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="34"/>
        <source>TCP chat, client side: connects to the Chat server on 127.0.0.1:9001.</source>
        <translation>TCP 聊天的客户端：连接 127.0.0.1:9001 上的聊天服务器。</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="35"/>
        <source>UDP peer bound to 127.0.0.1:9002 that sends datagrams to UDP chat B on port 9003.</source>
        <translation>绑定 127.0.0.1:9002 的 UDP 端点，向端口 9003 上的 UDP 聊天 B 发送数据报。</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="36"/>
        <source>UDP peer bound to 127.0.0.1:9003 that sends datagrams to UDP chat A on port 9002.</source>
        <translation>绑定 127.0.0.1:9003 的 UDP 端点，向端口 9002 上的 UDP 聊天 A 发送数据报。</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="37"/>
        <source>TCP server on 127.0.0.1:9004 with a reply rule: a message matching &quot;time&quot; is answered with the current time.</source>
        <translation>监听 127.0.0.1:9004 的 TCP 服务器，带一条回复规则：匹配 &quot;time&quot; 的消息会收到当前时间。</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="38"/>
        <source>Sends &quot;hello&quot; 10 times in one burst to the Echo server: watch the small sends arrive merged into fewer chunks.</source>
        <translation>向回显服务器一次突发发送 10 次 &quot;hello&quot;：观察这些小的发送如何合并成更少的数据块到达。</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="39"/>
        <source>TCP server on 127.0.0.1:9005 that splits the stream into messages by a 4-byte big-endian length header.</source>
        <translation>监听 127.0.0.1:9005 的 TCP 服务器，按 4 字节大端长度头把字节流切分成消息。</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="40"/>
        <source>TCP client to 127.0.0.1:9005 that puts a 4-byte big-endian length header before every message it sends.</source>
        <translation>连接 127.0.0.1:9005 的 TCP 客户端，在发送的每条消息前加上 4 字节大端长度头。</translation>
    </message>
</context>
<context>
    <name>BuiltinTemplate</name>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="48"/>
        <source>struct header message</source>
        <extracomment>Every built-in packet template&apos;s name and description (core/templates/builtin.py).</extracomment>
        <translation>struct 长度头消息</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="49"/>
        <source>struct.pack(&apos;i&apos;, len(data)) + data, as in the socket tutorials</source>
        <translation>struct.pack(&apos;i&apos;, len(data)) + data，与套接字教程中的写法相同</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="50"/>
        <source>Modbus/TCP read holding registers request</source>
        <translation>Modbus/TCP 读保持寄存器请求</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="51"/>
        <source>MBAP header, then function 3, the first register and how many</source>
        <translation>MBAP 头，接着是功能码 3、起始寄存器和寄存器数量</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="52"/>
        <source>Modbus/TCP read holding registers response</source>
        <translation>Modbus/TCP 读保持寄存器响应</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="53"/>
        <source>MBAP header, then function 3, a byte count and the registers&apos; values</source>
        <translation>MBAP 头，接着是功能码 3、字节数和各寄存器的值</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="54"/>
        <source>length + type + payload + CRC-16</source>
        <translation>长度 + 类型 + 载荷 + CRC-16</translation>
    </message>
    <message>
        <location filename="../../qt/models/builtinnames.py" line="55"/>
        <source>a 2-byte length of type and payload, then CRC-16/MODBUS (low byte first) of it all</source>
        <translation>2 字节长度（类型和载荷的长度），最后是整帧的 CRC-16/MODBUS（低字节在前）</translation>
    </message>
</context>
<context>
    <name>CaptureBox</name>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="96"/>
        <source>Capture</source>
        <extracomment>How often the status lines are refreshed while a capture runs.</extracomment>
        <translation>捕获</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="113"/>
        <location filename="../../ui/automation/capturebox.py" line="224"/>
        <source>Receive to file…</source>
        <translation>接收转向文件…</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="118"/>
        <location filename="../../ui/automation/capturebox.py" line="375"/>
        <source>Receive to file</source>
        <translation>接收转向文件</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="120"/>
        <source>Append every received byte, exactly as it arrived, to a file of your choice; also while the view is paused or full. Click again to stop</source>
        <translation>将接收的每个字节按原样追加到所选文件中；视图暂停或已满时也会写入。再次点击停止</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="128"/>
        <location filename="../../ui/automation/capturebox.py" line="278"/>
        <source>Record log…</source>
        <translation>记录日志…</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="133"/>
        <location filename="../../ui/automation/capturebox.py" line="375"/>
        <source>Record log</source>
        <translation>记录日志</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="135"/>
        <source>From now on, append one line per chunk sent or received and per connection event to a file; records everything, also while the view is paused or full. Click again to stop. To save what the log already shows, use Save log… above the log</source>
        <translation>从现在起，每收发一个数据块、每个连接事件都向文件追加一行；视图暂停或已满时也照样记录。再次点击停止。要保存日志中已有的内容，请使用日志上方的“保存日志…”</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="142"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="143"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="144"/>
        <source>JSON lines</source>
        <translation>JSON 行</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="145"/>
        <source>pcap (Wireshark)</source>
        <translation>pcap（Wireshark）</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="149"/>
        <source>Log format</source>
        <translation>日志格式</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="151"/>
        <source>Text: the lines the window shows. CSV: for a spreadsheet. JSON lines: one JSON object per line, for scripts</source>
        <translation>文本：与窗口中显示的行相同。CSV：用于电子表格。JSON 行：每行一个 JSON 对象，供脚本使用</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="214"/>
        <source>Stop receiving to file</source>
        <translation>停止接收转向文件</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="257"/>
        <source>Stop log</source>
        <translation>停止日志</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="304"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="318"/>
        <source>%1 B to %2</source>
        <translation>%1 字节 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="327"/>
        <source>%1 packets, %2 B to %3</source>
        <translation>%1 个数据包，%2 字节写入 %3</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="333"/>
        <source>%1 lines, %2 B to %3</source>
        <translation>%1 行，%2 字节 → %3</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="347"/>
        <location filename="../../ui/automation/capturebox.py" line="356"/>
        <source>Writing: %1</source>
        <translation>正在写入：%1</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="369"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="370"/>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>日志文件 (*.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="371"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="372"/>
        <source>JSON lines (*.jsonl);;All files (*)</source>
        <translation>JSON 行 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/automation/capturebox.py" line="373"/>
        <source>pcap files (*.pcap);;All files (*)</source>
        <translation>pcap 文件 (*.pcap);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ChunkDetail</name>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="95"/>
        <source>Selected chunk</source>
        <extracomment>The dump and the decoded text show at most this much of a chunk.</extracomment>
        <translation>选中的数据块</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="96"/>
        <source>Direction, sequence number, size, peer, time and connection</source>
        <translation>方向、序号、大小、对端、时间和连接</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="108"/>
        <source>Copy hex</source>
        <translation>复制十六进制</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="109"/>
        <source>Copy the chunk&apos;s bytes as hex pairs, like 68 65 6C</source>
        <translation>将数据块的字节复制为十六进制，如 68 65 6C</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="113"/>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="114"/>
        <source>Copy the chunk decoded as text (undecodable bytes as \xNN)</source>
        <translation>复制解码为文本的数据块（无法解码的字节写作 \xNN）</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="118"/>
        <source>Copy as C array</source>
        <translation>复制为 C 数组</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="119"/>
        <source>Copy the chunk as a C array definition: unsigned char data[] = {...};</source>
        <translation>将数据块复制为 C 数组定义：unsigned char data[] = {...};</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="123"/>
        <source>Copy as Python bytes</source>
        <translation>复制为 Python bytes</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="124"/>
        <source>Copy the chunk as a Python bytes literal, like b&apos;hi\r\n&apos;</source>
        <translation>将数据块复制为 Python bytes 字面量，如 b&apos;hi\r\n&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="142"/>
        <source>Hex dump</source>
        <translation>十六进制转储</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="143"/>
        <source>Offset, bytes in hex and the same bytes as ASCII</source>
        <translation>偏移、十六进制字节及对应的 ASCII 字符</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="147"/>
        <source>Decoded text</source>
        <translation>解码文本</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="148"/>
        <source>The chunk decoded with the session&apos;s encoding; control bytes escaped</source>
        <translation>按会话编码解码的数据块；控制字节已转义</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="206"/>
        <source>Select a row to see the whole chunk.</source>
        <translation>选择一行以查看完整的数据块。</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="227"/>
        <source>Showing the first {shown} of {total} bytes; copies take all of them.</source>
        <translation>显示 {total} 字节中的前 {shown} 字节；复制时包含全部字节。</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="253"/>
        <source>{held} of {total} bytes (datagram truncated)</source>
        <translation>{total} 字节中的 {held} 字节（数据报已截断）</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="257"/>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="259"/>
        <source>RX chunk {seq} — {size} from {peer} at {time} (conn #{conn})</source>
        <translation>接收数据块 {seq} — {size}，来自 {peer}，时间 {time}（连接 #{conn}）</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="261"/>
        <source>TX chunk {seq} — {size} to {peer} at {time} (conn #{conn})</source>
        <translation>发送数据块 {seq} — {size}，发往 {peer}，时间 {time}（连接 #{conn}）</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="272"/>
        <source>Event {seq} — {text} at {time} (conn #{conn})</source>
        <translation>事件 {seq} — {text}，时间 {time}（连接 #{conn}）</translation>
    </message>
    <message>
        <location filename="../../ui/receive/chunkdetail.py" line="277"/>
        <source>peer {peer}</source>
        <translation>对端 {peer}</translation>
    </message>
</context>
<context>
    <name>ChunkLogModel</name>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="310"/>
        <source>Time</source>
        <extracomment>The row&apos;s :class:`Chunk` or :class:`ConnEvent` itself (any column). True for a :class:`ConnEvent` row, False for a :class:`Chunk` row. ``[(text, special), ...]`` from :func:`cellformat.display_segments` of a chunk&apos;s preview bytes in the current encoding (None for events), so a delegate can draw control characters and undecodable bytes distinctly. In text mode DisplayRole is the joined segments followed by the truncation note, if any. 0 or 1, alternating from one chunk to the next in seq order; an event carries the band of the chunk before it. Bytes of chunk data the receive log keeps by default (the newest; counters keep counting). A relay&apos;s hop labels by (direction, upstream leg); empty for other kinds.</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="311"/>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="312"/>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="313"/>
        <source>Conn</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="314"/>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="315"/>
        <source>Len</source>
        <translation>长度</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="316"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="362"/>
        <location filename="../../qt/models/chunkmodel.py" line="380"/>
        <source>RX</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="362"/>
        <location filename="../../qt/models/chunkmodel.py" line="380"/>
        <source>TX</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="370"/>
        <source>client→relay</source>
        <translation>客户端→中继</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="371"/>
        <source>relay→server</source>
        <translation>中继→服务器</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="372"/>
        <source>server→relay</source>
        <translation>服务器→中继</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="373"/>
        <source>relay→client</source>
        <translation>中继→客户端</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="402"/>
        <source>… (+{count} bytes)</source>
        <translation>…（另有 {count} 字节）</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="424"/>
        <source>sent {sent} of {total} bytes</source>
        <translation>已发送 {sent}/{total} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="431"/>
        <source>listening</source>
        <translation>正在监听</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="432"/>
        <source>connection accepted</source>
        <translation>已接受连接</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="433"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="434"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="435"/>
        <source>closed by peer</source>
        <translation>对端已关闭</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="436"/>
        <source>reset by peer</source>
        <translation>被对端复位</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="437"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="438"/>
        <source>half-closed (FIN sent)</source>
        <translation>已半关闭（已发送 FIN）</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="439"/>
        <source>aborted (RST sent)</source>
        <translation>已中止（已发送 RST）</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="440"/>
        <source>sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="441"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="442"/>
        <source>datagrams dropped by the kernel</source>
        <translation>内核丢弃的数据报</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="443"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="444"/>
        <source>peer finished sending (FIN)</source>
        <translation>对方已停止发送（FIN）</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="445"/>
        <source>socket state</source>
        <translation>套接字状态</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="446"/>
        <source>TCP segment</source>
        <translation>TCP 报文段</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="447"/>
        <source>TLS handshake done</source>
        <translation>TLS 握手完成</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="448"/>
        <source>fault changed</source>
        <translation>故障设置已更改</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="457"/>
        <source>{held} of {total} bytes (datagram truncated)</source>
        <translation>{total} 字节中的 {held} 字节（数据报已截断）</translation>
    </message>
    <message>
        <location filename="../../qt/models/chunkmodel.py" line="461"/>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
</context>
<context>
    <name>ClientList</name>
    <message>
        <location filename="../../ui/pane/clientlist.py" line="77"/>
        <source>Connected clients</source>
        <extracomment>The address column is never narrower than this sample (nor than its title).</extracomment>
        <translation>已连接的客户端</translation>
    </message>
    <message>
        <location filename="../../ui/pane/clientlist.py" line="78"/>
        <source>Open connections; select one to close it or to send to it alone</source>
        <translation>当前打开的连接；选中一个可将其关闭或单独向其发送</translation>
    </message>
    <message>
        <location filename="../../ui/pane/clientlist.py" line="81"/>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../ui/pane/clientlist.py" line="85"/>
        <source>Disconnect client</source>
        <translation>断开客户端</translation>
    </message>
    <message>
        <location filename="../../ui/pane/clientlist.py" line="86"/>
        <source>Close the connection gracefully: queued data is sent, then FIN</source>
        <translation>正常关闭连接：先发完排队的数据，再发送 FIN</translation>
    </message>
    <message>
        <location filename="../../ui/pane/clientlist.py" line="88"/>
        <source>Half-close</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pane/clientlist.py" line="92"/>
        <source>Half-close client</source>
        <translation>半关闭客户端</translation>
    </message>
    <message>
        <location filename="../../ui/pane/clientlist.py" line="93"/>
        <source>shutdown(SHUT_WR): the client sees end of file; we can still receive</source>
        <translation>shutdown(SHUT_WR)：客户端读到文件结束 (EOF)；本端仍可接收</translation>
    </message>
    <message>
        <location filename="../../ui/pane/clientlist.py" line="95"/>
        <source>Abort (RST)</source>
        <translation>中止 (RST)</translation>
    </message>
    <message>
        <location filename="../../ui/pane/clientlist.py" line="99"/>
        <source>Abort client</source>
        <translation>中止客户端</translation>
    </message>
    <message>
        <location filename="../../ui/pane/clientlist.py" line="100"/>
        <source>SO_LINGER 0, then close: the client gets RST and queued data is lost</source>
        <translation>将 SO_LINGER 设为 0 后关闭：客户端收到 RST，排队的数据将丢失</translation>
    </message>
</context>
<context>
    <name>ClientListModel</name>
    <message>
        <location filename="../../qt/models/clientmodel.py" line="251"/>
        <source>#</source>
        <extracomment>The row&apos;s connection id (any column). Kernel state by connection: only connections the engine samples have one.</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../qt/models/clientmodel.py" line="252"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../qt/models/clientmodel.py" line="253"/>
        <source>Connected since</source>
        <translation>连接时间</translation>
    </message>
    <message>
        <location filename="../../qt/models/clientmodel.py" line="254"/>
        <source>RX bytes</source>
        <translation>接收字节</translation>
    </message>
    <message>
        <location filename="../../qt/models/clientmodel.py" line="255"/>
        <source>TX bytes</source>
        <translation>发送字节</translation>
    </message>
    <message>
        <location filename="../../qt/models/clientmodel.py" line="256"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../qt/models/clientmodel.py" line="257"/>
        <source>Kernel state</source>
        <translation>内核状态</translation>
    </message>
    <message>
        <location filename="../../qt/models/clientmodel.py" line="295"/>
        <source>half-closed</source>
        <translation>已半关闭</translation>
    </message>
    <message>
        <location filename="../../qt/models/clientmodel.py" line="295"/>
        <source>open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../qt/models/clientmodel.py" line="303"/>
        <source>We have sent FIN; the client can still send to us</source>
        <translation>本端已发送 FIN；客户端仍可向本端发送数据</translation>
    </message>
    <message>
        <location filename="../../qt/models/clientmodel.py" line="306"/>
        <source>The connection&apos;s TCP state in the kernel (TCP_INFO); blank for connections not sampled (the state view samples up to 32 at once)</source>
        <translation>连接在内核中的 TCP 状态（TCP_INFO）；未采样的连接留空（状态视图同时最多采样 32 个连接）</translation>
    </message>
</context>
<context>
    <name>FaultRow</name>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="51"/>
        <source>up</source>
        <extracomment>At most this many rows (the relay&apos;s own limit, see core/relay/settings.py).</extracomment>
        <translation>上行</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="51"/>
        <source>down</source>
        <translation>下行</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="51"/>
        <source>both</source>
        <translation>双向</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="54"/>
        <source>Fault direction</source>
        <translation>故障方向</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="55"/>
        <source>up: client → server; down: server → client; both: each way</source>
        <translation>上行：客户端 → 服务器；下行：服务器 → 客户端；双向：两个方向</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="60"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="62"/>
        <source>latency, bandwidth (KiB/s), slicer (splits writes: 拆包), coalesce (joins writes: 粘包), drop, timeout, reset (RST), slow_close, limit (bytes)</source>
        <translation>latency 延迟，bandwidth 带宽 (KiB/s)，slicer 拆包，coalesce 粘包，drop 丢弃，timeout 超时，reset 复位 (RST)，slow_close 慢关闭，limit 限量（字节）</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="75"/>
        <source>Toxicity</source>
        <translation>毒性</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="77"/>
        <source>The chance 0..1 that the fault applies to a connection (UDP drop: a datagram)</source>
        <translation>故障作用于一个连接的概率 0..1（UDP drop：作用于一个数据报）</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="84"/>
        <source>Fault parameters</source>
        <translation>故障参数</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="85"/>
        <source>As on the command line: name=value, separated by commas</source>
        <translation>与命令行相同：名称=值，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="89"/>
        <source>Remove this fault; held data goes on at once</source>
        <translation>移除此故障；被扣留的数据立即继续转发</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="91"/>
        <source>Remove fault</source>
        <translation>移除故障</translation>
    </message>
</context>
<context>
    <name>FaultsBox</name>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="146"/>
        <source>Faults</source>
        <translation>故障注入</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="153"/>
        <source>Add fault</source>
        <translation>添加故障</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="154"/>
        <source>Add a fault; it applies at once, also to open connections</source>
        <translation>添加一个故障；立即生效，也作用于已打开的连接</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="161"/>
        <source>Changes apply at once and are logged.</source>
        <translation>更改立即生效并记入日志。</translation>
    </message>
    <message>
        <location filename="../../ui/automation/faultsbox.py" line="192"/>
        <source>Fault %1: %2</source>
        <translation>故障 %1：%2</translation>
    </message>
</context>
<context>
    <name>FileSendBox</name>
    <message>
        <location filename="../../ui/send/filesend.py" line="72"/>
        <source>Send file…</source>
        <translation>发送文件…</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="74"/>
        <location filename="../../ui/send/filesend.py" line="135"/>
        <source>Send file</source>
        <translation>发送文件</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="79"/>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="86"/>
        <source>Datagram size</source>
        <translation>数据报大小</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="87"/>
        <source>Bytes per datagram; the file goes as one datagram per piece</source>
        <translation>每个数据报的字节数；文件按每段一个数据报发送</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="95"/>
        <source>Chunk size</source>
        <translation>数据块大小</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="96"/>
        <source>Bytes per send call; each is one TX chunk in the log</source>
        <translation>每次发送调用的字节数；每次在日志中是一个发送数据块</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="106"/>
        <source>File send progress</source>
        <translation>文件发送进度</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="107"/>
        <source>How much of the file was handed to the socket</source>
        <translation>文件已交给套接字的部分</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="109"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="113"/>
        <source>Cancel file send</source>
        <translation>取消文件发送</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="114"/>
        <source>Stop sending the file; what was sent stays sent</source>
        <translation>停止发送文件；已发送的数据不受影响</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="120"/>
        <source>Datagram size:</source>
        <translation>数据报大小：</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="120"/>
        <source>Chunk size:</source>
        <translation>数据块大小：</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="159"/>
        <source>%1 is %2</source>
        <translation>%1 是%2</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="161"/>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="165"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="168"/>
        <source>%1 is empty; there is nothing to send</source>
        <translation>%1 是空文件；没有要发送的内容</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="172"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="202"/>
        <source>%1: %2 of %3 bytes</source>
        <translation>%1：%2/%3 字节</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="223"/>
        <source>Choose a file and send it</source>
        <translation>选择一个文件并发送</translation>
    </message>
    <message>
        <location filename="../../ui/send/filesend.py" line="225"/>
        <source>Start the session first; then choose a file to send</source>
        <translation>请先启动会话；然后选择要发送的文件</translation>
    </message>
</context>
<context>
    <name>FramingBox</name>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="74"/>
        <source>Framing (message decoding)</source>
        <extracomment>Milliseconds after the last edit before the input is checked and ``changed`` emitted.</extracomment>
        <translation>分帧（消息解码）</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="87"/>
        <source>None (raw chunks only)</source>
        <translation>无（仅原始数据块）</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="88"/>
        <location filename="../../ui/decode/framingbox.py" line="102"/>
        <location filename="../../ui/decode/framingbox.py" line="189"/>
        <source>Delimiter</source>
        <translation>分隔符</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="89"/>
        <source>Fixed length</source>
        <translation>固定长度</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="90"/>
        <source>Length prefix</source>
        <translation>长度前缀</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="94"/>
        <location filename="../../ui/decode/framingbox.py" line="188"/>
        <source>Framing</source>
        <translation>分帧</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="95"/>
        <source>How the received byte stream is cut into messages</source>
        <translation>如何将接收的字节流切分为消息</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="103"/>
        <source>Bytes that end each message; escapes \r \n \t \0 \xNN \\ work</source>
        <translation>每条消息结尾的字节；可使用转义 \r \n \t \0 \xNN \\</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="107"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="108"/>
        <source>Write the delimiter as hex bytes, e.g. 0d 0a</source>
        <translation>以十六进制字节填写分隔符，例如 0d 0a</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="112"/>
        <source>Keep the delimiter in the message</source>
        <translation>在消息中保留分隔符</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="113"/>
        <source>Show each message with its delimiter at the end</source>
        <translation>显示每条消息时在末尾保留其分隔符</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="122"/>
        <location filename="../../ui/decode/framingbox.py" line="157"/>
        <source> B</source>
        <translation> 字节</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="117"/>
        <location filename="../../ui/decode/framingbox.py" line="191"/>
        <source>Message size</source>
        <translation>消息大小</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="118"/>
        <source>Every message is exactly this many bytes</source>
        <translation>每条消息正好是这么多字节</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="125"/>
        <source>big-endian uint32</source>
        <translation>大端 uint32</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="126"/>
        <source>big-endian uint16</source>
        <translation>大端 uint16</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="127"/>
        <source>little-endian uint32</source>
        <translation>小端 uint32</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="128"/>
        <source>little-endian uint16</source>
        <translation>小端 uint16</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="129"/>
        <source>uint8</source>
        <translation>uint8</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="130"/>
        <source>big-endian uint64</source>
        <translation>大端 uint64</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="134"/>
        <source>Length header format</source>
        <translation>长度头格式</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="136"/>
        <source>Python struct format of the length header before each message: one integer, ! or &gt; big-endian, &lt; little-endian (e.g. !I, &lt;H, B)</source>
        <translation>每条消息前长度头的 Python struct 格式：一个整数，! 或 &gt; 表示大端，&lt; 表示小端（例如 !I、&lt;H、B）</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="144"/>
        <source>Length counts the header</source>
        <translation>长度包含头部</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="145"/>
        <source>The length value includes the header&apos;s own bytes, not just the payload</source>
        <translation>长度值包含头部自身的字节，而不仅是有效载荷</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="149"/>
        <source>Maximum message length</source>
        <translation>最大消息长度</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="151"/>
        <source>A longer message means the stream is out of step: its bytes are dropped and shown as an error</source>
        <translation>超过此长度说明数据流已错位：其字节会被丢弃并显示为错误</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="163"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="161"/>
        <location filename="../../ui/decode/framingbox.py" line="195"/>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="162"/>
        <source>Checksum or CRC that ends every message; it is checked and removed</source>
        <translation>每条消息末尾的校验和或 CRC；会被校验并去除</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="169"/>
        <source>Big-endian</source>
        <translation>大端</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="169"/>
        <source>Little-endian</source>
        <translation>小端</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="167"/>
        <source>Checksum byte order</source>
        <translation>校验和字节序</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="168"/>
        <source>Byte order of the checksum on the wire; default is the algorithm&apos;s own</source>
        <translation>校验和在线路上的字节序；默认为算法自身的字节序</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="172"/>
        <source>The checksum is verified at the end of each decoded message.</source>
        <translation>在每条解码后的消息末尾校验校验和。</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="192"/>
        <source>Header format</source>
        <translation>头部格式</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="194"/>
        <source>Max length</source>
        <translation>最大长度</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="196"/>
        <source>Byte order</source>
        <translation>字节序</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="433"/>
        <source>Default (little-endian)</source>
        <translation>默认（小端）</translation>
    </message>
    <message>
        <location filename="../../ui/decode/framingbox.py" line="435"/>
        <source>Default (big-endian)</source>
        <translation>默认（大端）</translation>
    </message>
</context>
<context>
    <name>GeneratorBox</name>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="53"/>
        <source>Target rate</source>
        <extracomment>The core&apos;s ceilings (core.sending.generator); the spin boxes stop there.</extracomment>
        <translation>目标速率</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="54"/>
        <source>How many messages (or bytes) to send per second</source>
        <translation>每秒发送多少条消息（或字节）</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="61"/>
        <source>Rate unit</source>
        <translation>速率单位</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="62"/>
        <source>Pace by messages or by bytes per second</source>
        <translation>按每秒消息数或每秒字节数控制节奏</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="63"/>
        <source>msg/s</source>
        <translation>条/秒</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="63"/>
        <source>bytes/s</source>
        <translation>字节/秒</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="67"/>
        <location filename="../../ui/send/generatorbox.py" line="109"/>
        <source>Stop after</source>
        <translation>停止条件</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="68"/>
        <source>Stop after a number of messages, a number of seconds, or only on Stop</source>
        <translation>发送一定条数、运行一定秒数后停止，或只在按“停止”时停止</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="70"/>
        <source>messages</source>
        <translation>条</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="71"/>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="72"/>
        <source>until stopped</source>
        <translation>直到停止</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="78"/>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="79"/>
        <source>Messages to send, or seconds to run</source>
        <translation>要发送的条数，或要运行的秒数</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="86"/>
        <location filename="../../ui/send/generatorbox.py" line="167"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="87"/>
        <source>Send the send box&apos;s message at this rate</source>
        <translation>按此速率发送发送框中的消息</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="89"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="105"/>
        <source>Rate</source>
        <translation>速率</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="148"/>
        <source>the session is not running; nothing was sent</source>
        <translation>会话未运行；未发送任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="167"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/send/generatorbox.py" line="171"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
</context>
<context>
    <name>HexFields</name>
    <message>
        <location filename="../../ui/templates/hexfields.py" line="97"/>
        <source>Template %1: %2</source>
        <extracomment>Bytes highlighted at most (a dump of a huge chunk stays quick to redraw). Messages read from one chunk at most (a sticky chunk holds several).</extracomment>
        <translation>模板 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/templates/hexfields.py" line="103"/>
        <source>Click a byte to see its field.</source>
        <translation>点击一个字节查看它所属的字段。</translation>
    </message>
    <message>
        <location filename="../../ui/templates/hexfields.py" line="156"/>
        <source>Byte %1: %2</source>
        <translation>字节 %1：%2</translation>
    </message>
</context>
<context>
    <name>HistoryCombo</name>
    <message>
        <location filename="../../ui/send/presetbar.py" line="108"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="114"/>
        <source>Send history</source>
        <translation>发送历史</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="115"/>
        <source>What was sent before, newest first; choose one to put it in the send box</source>
        <translation>之前发送过的内容，最新的在前；选择一项可将其放入发送框</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="137"/>
        <source>hex: %1</source>
        <translation>十六进制：%1</translation>
    </message>
</context>
<context>
    <name>InjectDirection</name>
    <message>
        <location filename="../../ui/send/relaytarget.py" line="15"/>
        <source>→ server</source>
        <translation>→ 服务器</translation>
    </message>
    <message>
        <location filename="../../ui/send/relaytarget.py" line="16"/>
        <source>→ client</source>
        <translation>→ 客户端</translation>
    </message>
    <message>
        <location filename="../../ui/send/relaytarget.py" line="20"/>
        <source>Inject toward</source>
        <translation>注入方向</translation>
    </message>
    <message>
        <location filename="../../ui/send/relaytarget.py" line="22"/>
        <source>Where the send box&apos;s data goes: to the server (as if the client sent it) or to the client (as if the server sent it); faults do not apply to it</source>
        <translation>发送框中的数据发往何处：发往服务器（如同客户端发送）或发往客户端（如同服务器发送）；故障不作用于它</translation>
    </message>
</context>
<context>
    <name>LabBrowser</name>
    <message>
        <location filename="../../ui/labs/labbrowser.py" line="45"/>
        <source>Each lab makes one effect of the socket tutorials happen on this machine, every time, and says why. Predict, run it step by step, compare.</source>
        <translation>每个实验都在本机稳定地重现套接字教程中的一个现象，并解释原因。先预测，再逐步运行，然后对比。</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labbrowser.py" line="64"/>
        <source>Open lab</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labbrowser.py" line="67"/>
        <source>Open lab file…</source>
        <translation>打开实验文件…</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labbrowser.py" line="68"/>
        <source>Open a lab or scenario file of your own (YAML)</source>
        <translation>打开你自己的实验或场景文件（YAML）</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labbrowser.py" line="70"/>
        <source>Export as example…</source>
        <translation>导出为示例…</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labbrowser.py" line="71"/>
        <source>Save the selected lab&apos;s file, to start a lab of your own</source>
        <translation>保存所选实验的文件，作为编写自己实验的起点</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labbrowser.py" line="93"/>
        <source>Export lab</source>
        <translation>导出实验</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labbrowser.py" line="93"/>
        <source>Lab files (*.yaml *.yml)</source>
        <translation>实验文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labbrowser.py" line="102"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labbrowser.py" line="105"/>
        <source>Lab saved as %1</source>
        <translation>实验已保存为 %1</translation>
    </message>
</context>
<context>
    <name>LabDock</name>
    <message>
        <location filename="../../ui/labs/labdock.py" line="49"/>
        <source>Labs</source>
        <extracomment>How long &quot;what to look at&quot; keeps a pane outlined. The timeline a lab opens takes this share of its pane&apos;s log row (arrows need room)... ...and side by side, its pane this share of the window&apos;s width.</extracomment>
        <translation>实验</translation>
    </message>
</context>
<context>
    <name>LabPage</name>
    <message>
        <location filename="../../ui/labs/labpage.py" line="81"/>
        <source>← All labs</source>
        <translation>← 全部实验</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="132"/>
        <source>Predict — answer before you run it</source>
        <translation>预测——运行之前先作答</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="146"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="159"/>
        <source>Run all</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="170"/>
        <source>Steps and checks, as they ran</source>
        <translation>步骤和检查（按运行顺序）</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="182"/>
        <source>Observe</source>
        <translation>观察</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="188"/>
        <source>Show the timeline</source>
        <translation>显示时间线</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="190"/>
        <source>Open and highlight the timeline: the panes&apos; calls as a sequence diagram</source>
        <translation>打开并突出显示时间线：以时序图显示各窗格的调用</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="193"/>
        <source>Show me</source>
        <translation>指给我看</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="194"/>
        <source>Highlight the pane to look at</source>
        <translation>突出显示要看的面板</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="201"/>
        <source>Observed: not yet — run the steps.</source>
        <translation>观察结果：暂无——请运行步骤。</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="207"/>
        <source>&lt;b&gt;Why&lt;/b&gt;</source>
        <translation>&lt;b&gt;为什么&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="217"/>
        <source>The same in Python</source>
        <translation>对应的 Python 代码</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="245"/>
        <source>Choose your prediction first.</source>
        <translation>请先选择你的预测。</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="247"/>
        <source>All steps done.</source>
        <translation>所有步骤已完成。</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="270"/>
        <source>You predicted: %1</source>
        <translation>你的预测：%1</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="284"/>
        <source>%1 check %2: observed %3; expected %4</source>
        <translation>%1 检查 %2：观察到 %3；预期 %4</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="312"/>
        <source>Observed: %1 (the lab expected %2)</source>
        <translation>观察结果：%1（实验预期 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="318"/>
        <source>✓ Your prediction was right.</source>
        <translation>✓ 你的预测正确。</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="320"/>
        <source>✗ Not what you predicted. The answer: %1</source>
        <translation>✗ 和你的预测不同。答案：%1</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labpage.py" line="322"/>
        <source>The effect did not appear this time: %1</source>
        <translation>这次没有出现预期的效果：%1</translation>
    </message>
</context>
<context>
    <name>LifecycleControls</name>
    <message>
        <location filename="../../ui/pane/lifecycle.py" line="64"/>
        <location filename="../../ui/pane/lifecycle.py" line="66"/>
        <source>Half-close</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pane/lifecycle.py" line="68"/>
        <source>shutdown(SHUT_WR): send FIN once queued data is written; the server sees the end of our data and we keep receiving</source>
        <translation>shutdown(SHUT_WR)：排队数据写出后发送 FIN；服务器看到我方数据结束，我方仍继续接收</translation>
    </message>
    <message>
        <location filename="../../ui/pane/lifecycle.py" line="73"/>
        <source>Abort (RST)</source>
        <translation>中止 (RST)</translation>
    </message>
    <message>
        <location filename="../../ui/pane/lifecycle.py" line="75"/>
        <source>Abort</source>
        <translation>中止</translation>
    </message>
    <message>
        <location filename="../../ui/pane/lifecycle.py" line="76"/>
        <source>Reset the connection with RST at once; queued data is discarded</source>
        <translation>立即以 RST 复位连接；排队的数据被丢弃</translation>
    </message>
    <message>
        <location filename="../../ui/pane/lifecycle.py" line="85"/>
        <location filename="../../ui/pane/lifecycle.py" line="87"/>
        <location filename="../../ui/pane/lifecycle.py" line="138"/>
        <source>Pause accepting</source>
        <translation>暂停接受连接</translation>
    </message>
    <message>
        <location filename="../../ui/pane/lifecycle.py" line="89"/>
        <source>Stop calling accept(): new clients wait in the kernel&apos;s accept queue up to the listen backlog, and further ones are refused or time out</source>
        <translation>停止调用 accept()：新客户端在内核的 accept 队列中等待，直到达到 listen backlog，之后的连接被拒绝或超时</translation>
    </message>
    <message>
        <location filename="../../ui/pane/lifecycle.py" line="127"/>
        <source>system maximum</source>
        <translation>系统最大值</translation>
    </message>
    <message>
        <location filename="../../ui/pane/lifecycle.py" line="138"/>
        <source>Resume accepting</source>
        <translation>恢复接受连接</translation>
    </message>
</context>
<context>
    <name>LogLimitsBox</name>
    <message>
        <location filename="../../ui/receive/loglimits.py" line="24"/>
        <source>Receive log</source>
        <translation>接收日志</translation>
    </message>
    <message>
        <location filename="../../ui/receive/loglimits.py" line="29"/>
        <source> chunks</source>
        <translation> 个数据块</translation>
    </message>
    <message>
        <location filename="../../ui/receive/loglimits.py" line="33"/>
        <source>Chunks kept</source>
        <translation>保留的数据块数</translation>
    </message>
    <message>
        <location filename="../../ui/receive/loglimits.py" line="35"/>
        <source>The view keeps this many newest rows; older ones fall off and are counted as dropped. Counters and captures keep everything</source>
        <translation>视图保留这么多条最新的行；更早的行会被移出并计为已丢弃。计数器和捕获文件保留全部数据</translation>
    </message>
    <message>
        <location filename="../../ui/receive/loglimits.py" line="41"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../../ui/receive/loglimits.py" line="45"/>
        <source>Memory kept</source>
        <translation>保留的内存</translation>
    </message>
    <message>
        <location filename="../../ui/receive/loglimits.py" line="46"/>
        <source>The view holds at most this much received data in memory</source>
        <translation>视图在内存中最多保留这么多接收数据</translation>
    </message>
    <message>
        <location filename="../../ui/receive/loglimits.py" line="49"/>
        <source>Keep newest</source>
        <translation>保留最新</translation>
    </message>
    <message>
        <location filename="../../ui/receive/loglimits.py" line="50"/>
        <source>Keep at most</source>
        <translation>最多保留</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="50"/>
        <source>netassistant — socket debugging assistant</source>
        <translation>netassistant — 网络调试助手</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="53"/>
        <location filename="../../ui/mainwindow.py" line="81"/>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="68"/>
        <source>No session open. Use the toolbar to open a TCP server, a TCP client or a UDP session.</source>
        <translation>没有打开的会话。请使用工具栏打开 TCP 服务器、TCP 客户端或 UDP 会话。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="85"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="90"/>
        <source>New TCP &amp;server</source>
        <translation>新建 TCP 服务器(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="92"/>
        <source>Open a pane that listens for TCP clients</source>
        <translation>打开一个监听 TCP 客户端的面板</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="98"/>
        <source>Open a pane that connects to a TCP server</source>
        <translation>打开一个连接 TCP 服务器的面板</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="102"/>
        <source>New &amp;UDP session</source>
        <translation>新建 UDP 会话(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="104"/>
        <source>Open a pane that sends and receives UDP datagrams</source>
        <translation>打开一个收发 UDP 数据报的面板</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="124"/>
        <source>&amp;Profiles…</source>
        <translation>配置方案(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="128"/>
        <source>Open, rename, duplicate, delete, import and export saved profiles</source>
        <translation>打开、重命名、复制、删除、导入和导出已保存的配置方案</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="96"/>
        <source>New TCP c&amp;lient</source>
        <translation>新建 TCP 客户端(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="108"/>
        <source>New rela&amp;y</source>
        <translation>新建中继(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="110"/>
        <source>Open a pane that stands between clients and a server, with faults</source>
        <translation>打开一个位于客户端与服务器之间的面板，可注入故障</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="131"/>
        <source>Sa&amp;ve pane as profile…</source>
        <translation>将面板保存为配置方案(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="135"/>
        <source>Save the current pane&apos;s settings, send presets and view as a profile</source>
        <translation>将当前面板的设置、发送预设和视图保存为配置方案</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="138"/>
        <source>Run sc&amp;enario…</source>
        <translation>运行场景(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="141"/>
        <source>Open a scenario file&apos;s panes and run its steps and checks</source>
        <translation>打开场景文件中的面板，运行其步骤和检查</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="144"/>
        <source>Open la&amp;b…</source>
        <translation>打开实验(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="146"/>
        <source>Open a lab file of your own (YAML)</source>
        <translation>打开你自己的实验文件（YAML）</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="148"/>
        <source>Pac&amp;ket library…</source>
        <translation>数据包库(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="152"/>
        <source>Saved packets: send one with a click, a panel of buttons, step lists</source>
        <translation>保存的数据包：单击发送、按钮面板、步骤列表</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="155"/>
        <source>&amp;Recent sessions</source>
        <translation>最近的会话(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="157"/>
        <source>The last sessions you started</source>
        <translation>最近启动过的会话</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="159"/>
        <source>&amp;Close session</source>
        <translation>关闭会话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="162"/>
        <source>Stop the current session and close its pane</source>
        <translation>停止当前会话并关闭其面板</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="164"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="167"/>
        <source>Stop every session and quit</source>
        <translation>停止所有会话并退出</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="169"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="171"/>
        <source>Side by &amp;side</source>
        <translation>并排显示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="178"/>
        <source>Show all panes next to each other instead of as tabs (e.g. a server and a client)</source>
        <translation>将所有面板并排显示，而不是作为标签页（例如同时显示服务器和客户端）</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="182"/>
        <source>&amp;Reopen panes at start</source>
        <translation>启动时重新打开面板(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="187"/>
        <source>When the app starts, reopen the panes that were open (settings, not traffic)</source>
        <translation>应用启动时重新打开上次打开的面板（恢复设置，不恢复通信数据）</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="194"/>
        <source>&amp;Labs</source>
        <translation>实验(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="196"/>
        <source>&amp;Labs…</source>
        <translation>实验(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="199"/>
        <source>Socket lessons you can run: predict, step, observe</source>
        <translation>可以运行的套接字课程：预测、逐步运行、观察</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="202"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="204"/>
        <source>&amp;About netassistant</source>
        <translation>关于 netassistant(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="351"/>
        <source>About netassistant</source>
        <translation>关于 netassistant</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="353"/>
        <source>&lt;b&gt;netassistant %1&lt;/b&gt;&lt;br&gt;A socket debugging assistant (网络调试助手): every recv() is shown as its own chunk, so sticky and split packets can be seen.</source>
        <translation>&lt;b&gt;netassistant %1&lt;/b&gt;&lt;br&gt;网络调试助手：每次 recv() 都显示为独立的数据块，粘包和拆包一目了然。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="401"/>
        <source>open a pane first; there is nothing to save</source>
        <translation>请先打开一个面板；没有可保存的内容</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="405"/>
        <source>Save as profile</source>
        <translation>保存为配置方案</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="406"/>
        <source>Profile name:</source>
        <translation>配置方案名称：</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="419"/>
        <source>the pane&apos;s settings are not valid; fix them first</source>
        <translation>面板的设置无效；请先修正</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="426"/>
        <source>replaced profile &apos;%1&apos;</source>
        <translation>已替换配置方案“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="426"/>
        <source>saved profile &apos;%1&apos;</source>
        <translation>已保存配置方案“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="447"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="161"/>
        <source>#</source>
        <extracomment>The row&apos;s :class:`DecodedMessage` or :class:`DecodeError` itself (any column). True for a :class:`DecodeError` row. A column per field after DATA while a packet template decodes the messages.</extracomment>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="162"/>
        <source>Conn</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="163"/>
        <source>Len</source>
        <translation>长度</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="164"/>
        <source>From chunks</source>
        <translation>来源数据块</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="165"/>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="166"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="217"/>
        <source>ok</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="217"/>
        <source>MISMATCH</source>
        <translation>不匹配</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="241"/>
        <source>chunk {seq}</source>
        <translation>数据块 {seq}</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="242"/>
        <source>chunk {seq} [{start}:{end}]</source>
        <translation>数据块 {seq} [{start}:{end}]</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="247"/>
        <source>chunks {first}–{last}</source>
        <translation>数据块 {first}–{last}</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="251"/>
        <source>chunks {first}–{last}: {count} bytes, every chunk whole</source>
        <translation>数据块 {first}–{last}：共 {count} 字节，每个数据块完整</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="259"/>
        <source>… (+{count} bytes)</source>
        <translation>…（另有 {count} 字节）</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="254"/>
        <source>chunk {seq}: bytes {start}–{end} ({count} bytes)</source>
        <translation>数据块 {seq}：第 {start}–{end} 字节（共 {count} 字节）</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="267"/>
        <source>expected {expected}, found {found}</source>
        <translation>期望 {expected}，实际 {found}</translation>
    </message>
    <message>
        <location filename="../../qt/models/messagemodel.py" line="272"/>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
</context>
<context>
    <name>MessageView</name>
    <message>
        <location filename="../../ui/decode/messageview.py" line="87"/>
        <source>Decoded messages</source>
        <extracomment>Initial column widths in pixels (the DATA column stretches).</extracomment>
        <translation>解码后的消息</translation>
    </message>
    <message>
        <location filename="../../ui/decode/messageview.py" line="89"/>
        <source>One row per message cut from the received chunks by the framing; select a row to highlight the chunks it came from</source>
        <translation>分帧从接收的数据块中切出的每条消息占一行；选中一行可高亮显示其来源数据块</translation>
    </message>
    <message>
        <location filename="../../ui/decode/messageview.py" line="122"/>
        <source>No framing: choose one to see the messages inside the chunks</source>
        <translation>未设置分帧：选择一种分帧方式即可查看数据块中的消息</translation>
    </message>
    <message>
        <location filename="../../ui/decode/messageview.py" line="159"/>
        <source>1 message</source>
        <translation>1 条消息</translation>
    </message>
    <message>
        <location filename="../../ui/decode/messageview.py" line="160"/>
        <source>%1 messages</source>
        <translation>%1 条消息</translation>
    </message>
    <message>
        <location filename="../../ui/decode/messageview.py" line="164"/>
        <source>1 error</source>
        <translation>1 个错误</translation>
    </message>
    <message>
        <location filename="../../ui/decode/messageview.py" line="165"/>
        <source>%1 errors</source>
        <translation>%1 个错误</translation>
    </message>
    <message>
        <location filename="../../ui/decode/messageview.py" line="169"/>
        <source>1 checksum mismatch</source>
        <translation>1 处校验和不匹配</translation>
    </message>
    <message>
        <location filename="../../ui/decode/messageview.py" line="170"/>
        <source>%1 checksum mismatches</source>
        <translation>%1 处校验和不匹配</translation>
    </message>
    <message>
        <location filename="../../ui/decode/messageview.py" line="174"/>
        <source>1 byte waiting for the rest of a message</source>
        <translation>1 字节正在等待消息的剩余部分</translation>
    </message>
    <message>
        <location filename="../../ui/decode/messageview.py" line="175"/>
        <source>%1 bytes waiting for the rest of a message</source>
        <translation>%1 字节正在等待消息的剩余部分</translation>
    </message>
</context>
<context>
    <name>MulticastBox</name>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="37"/>
        <source>Multicast</source>
        <translation>组播</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="41"/>
        <source>e.g. 239.1.2.3 or ff02::1:3</source>
        <translation>例如 239.1.2.3 或 ff02::1:3</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="43"/>
        <source>any (the system chooses)</source>
        <translation>任意（由系统选择）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="49"/>
        <location filename="../../ui/pane/multicastbox.py" line="77"/>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="50"/>
        <location filename="../../ui/pane/multicastbox.py" line="83"/>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="57"/>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="58"/>
        <source>Interface</source>
        <translation>网卡</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="60"/>
        <source>Joined</source>
        <translation>已加入</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="65"/>
        <source>Multicast group</source>
        <translation>组播组</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="66"/>
        <source>An IPv4 group (224.0.0.0/4) or an IPv6 group (ff00::/8) to join</source>
        <translation>要加入的 IPv4 组（224.0.0.0/4）或 IPv6 组（ff00::/8）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="71"/>
        <source>Multicast interface</source>
        <translation>组播网卡</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="72"/>
        <source>The interface to join the group on</source>
        <translation>在哪个网卡上加入该组</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="78"/>
        <source>Join the group on the chosen interface while the session runs</source>
        <translation>会话运行时在所选网卡上加入该组</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="84"/>
        <source>Leave the group chosen in the joined list</source>
        <translation>退出已加入列表中选中的组</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="89"/>
        <source>Joined groups</source>
        <translation>已加入的组</translation>
    </message>
    <message>
        <location filename="../../ui/pane/multicastbox.py" line="90"/>
        <source>The groups this session has joined, as the system confirmed them</source>
        <translation>本会话已加入的组（经系统确认）</translation>
    </message>
</context>
<context>
    <name>PacketDialog</name>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="61"/>
        <source>Packet</source>
        <extracomment>Bytes of the preview shown at most.</extracomment>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="94"/>
        <location filename="../../ui/packets/packetdialog.py" line="206"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="94"/>
        <source>Unique name</source>
        <translation>唯一名称</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="96"/>
        <source>Typed data</source>
        <translation>输入的数据</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="99"/>
        <source>Template: %1</source>
        <translation>模板：%1</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="104"/>
        <location filename="../../ui/packets/packetdialog.py" line="207"/>
        <source>Built from</source>
        <translation>构建自</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="105"/>
        <source>Typed data, or a packet template whose field values you edit in a grid</source>
        <translation>输入的数据，或一个在表格中编辑字段值的报文模板</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="115"/>
        <location filename="../../ui/packets/packetdialog.py" line="209"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="116"/>
        <source>Text, or hex bytes such as 01 02 FF when the mode is Hex</source>
        <translation>文本，或模式为十六进制时的十六进制字节，如 01 02 FF</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="119"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="120"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="121"/>
        <location filename="../../ui/packets/packetdialog.py" line="210"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="121"/>
        <source>How the data is read</source>
        <translation>数据的读取方式</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="124"/>
        <location filename="../../ui/packets/packetdialog.py" line="211"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="124"/>
        <source>Text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="126"/>
        <location filename="../../ui/packets/packetdialog.py" line="128"/>
        <source>Escapes</source>
        <translation>转义</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="129"/>
        <source>In text, \r \n \t \0 \xNN and \\ stand for those bytes</source>
        <translation>在文本中，\r \n \t \0 \xNN 和 \\ 表示对应字节</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="134"/>
        <location filename="../../ui/packets/packetdialog.py" line="213"/>
        <source>Append</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="135"/>
        <source>Text added after the data, e.g. a line ending (escapes always read)</source>
        <translation>追加在数据之后的文本，例如行尾（总是解析转义）</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="138"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="144"/>
        <location filename="../../ui/packets/packetdialog.py" line="214"/>
        <source>Checksum</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="145"/>
        <source>Appended to the data on send, before the frame</source>
        <translation>发送时追加在数据之后、分帧之前</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="148"/>
        <source>Algorithm&apos;s order</source>
        <translation>算法默认顺序</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="149"/>
        <source>Big endian</source>
        <translation>大端</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="150"/>
        <source>Little endian</source>
        <translation>小端</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="154"/>
        <source>Checksum byte order</source>
        <translation>校验字节序</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="155"/>
        <source>Byte order of a checksum wider than one byte</source>
        <translation>宽于一个字节的校验的字节序</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="160"/>
        <location filename="../../ui/packets/packetdialog.py" line="216"/>
        <source>Frame</source>
        <translation>分帧</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="161"/>
        <source>Built around data + checksum: length:!H, delimiter:\n ... (empty: none)</source>
        <translation>包在数据 + 校验外面：length:!H、delimiter:\n ……（空：无）</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="164"/>
        <source>Any session</source>
        <translation>任意会话</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="165"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="166"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="167"/>
        <location filename="../../ui/packets/packetdialog.py" line="217"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="167"/>
        <source>Which sessions it is for</source>
        <translation>适用于哪种会话</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="171"/>
        <location filename="../../ui/packets/packetdialog.py" line="218"/>
        <source>UDP target host</source>
        <translation>UDP 目标主机</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="172"/>
        <source>UDP: send here instead of the pane&apos;s target (empty: the pane&apos;s)</source>
        <translation>UDP：发往这里而不是窗格的目标（空：窗格的目标）</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="175"/>
        <location filename="../../ui/packets/packetdialog.py" line="219"/>
        <source>UDP target port</source>
        <translation>UDP 目标端口</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="175"/>
        <source>0..65535</source>
        <translation>0..65535</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="181"/>
        <location filename="../../ui/packets/packetdialog.py" line="220"/>
        <source>Resend interval</source>
        <translation>重发间隔</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="182"/>
        <source>For repeated sends (0: once)</source>
        <translation>用于重复发送（0：只发一次）</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="185"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="187"/>
        <location filename="../../ui/packets/packetdialog.py" line="221"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="187"/>
        <source>Anything worth knowing</source>
        <translation>任何值得记下的内容</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="215"/>
        <source>Byte order</source>
        <translation>字节序</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="222"/>
        <source>Sends</source>
        <translation>发送内容</translation>
    </message>
    <message>
        <location filename="../../ui/packets/packetdialog.py" line="331"/>
        <source>%1 bytes: %2</source>
        <translation>%1 字节：%2</translation>
    </message>
</context>
<context>
    <name>PacketLibraryWindow</name>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="70"/>
        <source>Packet library</source>
        <extracomment>Characters of the payload shown in the table. Packets with a shortcut (Ctrl+1 .. Ctrl+9).</extracomment>
        <translation>数据包库</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="91"/>
        <source>Search packets</source>
        <translation>搜索数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="92"/>
        <source>Show only packets whose name, data, target or notes contain this</source>
        <translation>只显示名称、数据、目标或备注包含此内容的数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="94"/>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="99"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="100"/>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="101"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="102"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="103"/>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="104"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="114"/>
        <source>Packets</source>
        <translation>数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="115"/>
        <source>Double-click to send into the current pane; Ctrl+1..9 send the first nine</source>
        <translation>双击发送到当前窗格；Ctrl+1..9 发送前九个</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="127"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="127"/>
        <source>Send the selected packet into the current pane</source>
        <translation>将所选数据包发送到当前窗格</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="130"/>
        <location filename="../../ui/packets/librarywindow.py" line="280"/>
        <source>Repeat at its interval</source>
        <translation>按间隔重复</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="132"/>
        <source>Send the selected packet again and again at its resend interval until Stop</source>
        <translation>按重发间隔反复发送选中的数据包，直到点击停止</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="136"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="136"/>
        <location filename="../../ui/packets/librarywindow.py" line="342"/>
        <source>New packet</source>
        <translation>新数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="138"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="138"/>
        <source>Edit the selected packet</source>
        <translation>编辑所选数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="141"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="141"/>
        <source>Copy the selected packet</source>
        <translation>复制所选数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="144"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="144"/>
        <source>Delete the selected packet</source>
        <translation>删除所选数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="147"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="149"/>
        <source>Add packets from a JSON packet file or Packet Sender&apos;s packets.ini</source>
        <translation>从 JSON 数据包文件或 Packet Sender 的 packets.ini 添加数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="152"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="152"/>
        <source>Save all packets as a JSON file</source>
        <translation>将所有数据包保存为 JSON 文件</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="155"/>
        <source>Panel…</source>
        <translation>面板…</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="157"/>
        <source>Big buttons for chosen packets and a step list for repeated tests</source>
        <translation>所选数据包的大按钮，以及用于重复测试的步骤列表</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="220"/>
        <source>template: %1</source>
        <translation>模板：%1</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="234"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="217"/>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="236"/>
        <source>(repeating)</source>
        <translation>（重复中）</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="260"/>
        <source>select a packet to send</source>
        <translation>请选择要发送的数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="270"/>
        <source>sent %1</source>
        <translation>已发送 %1</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="280"/>
        <source>Stop repeating</source>
        <translation>停止重复</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="345"/>
        <source>added %1</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="366"/>
        <source>deleted %1</source>
        <translation>已删除 %1</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="372"/>
        <source>Import packets</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="374"/>
        <source>Packet files (*.json *.ini);;All files (*)</source>
        <translation>数据包文件 (*.json *.ini);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="387"/>
        <source>imported %1 packets</source>
        <translation>已导入 %1 个数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="389"/>
        <source>skipped %1: %2</source>
        <translation>已跳过 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="398"/>
        <source>Export packets</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/librarywindow.py" line="398"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>PacketPanel</name>
    <message>
        <location filename="../../ui/packets/panel.py" line="75"/>
        <source>Packet panel</source>
        <extracomment>Buttons per row in the panel. How often a running step list&apos;s progress is shown.</extracomment>
        <translation>数据包面板</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="100"/>
        <source>Packets on the panel</source>
        <translation>面板上的数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="101"/>
        <source>Tick the packets to show as buttons</source>
        <translation>勾选要显示为按钮的数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="111"/>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="112"/>
        <source>Run in order on the session&apos;s timers: send, wait, send ...</source>
        <translation>在会话的定时器上按顺序运行：发送、等待、发送……</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="115"/>
        <source>Packet to send</source>
        <translation>要发送的数据包</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="115"/>
        <source>For a send step</source>
        <translation>用于发送步骤</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="118"/>
        <source>Add send</source>
        <translation>添加发送</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="118"/>
        <source>Add a step sending this packet</source>
        <translation>添加发送此数据包的步骤</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="121"/>
        <source>Wait</source>
        <translation>等待</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="121"/>
        <source>For a wait step</source>
        <translation>用于等待步骤</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="125"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="127"/>
        <source>Add wait</source>
        <translation>添加等待</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="127"/>
        <source>Add a step waiting this long</source>
        <translation>添加等待这么久的步骤</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="130"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="130"/>
        <source>Remove the selected step</source>
        <translation>移除所选步骤</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="133"/>
        <source>Rounds</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="133"/>
        <source>Run the steps this many times</source>
        <translation>将步骤运行这么多次</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="137"/>
        <source>× </source>
        <translation>× </translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="139"/>
        <source>Run steps</source>
        <translation>运行步骤</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="139"/>
        <source>Run the steps in the current pane</source>
        <translation>在当前窗格中运行步骤</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="141"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="141"/>
        <source>Send no more steps</source>
        <translation>不再发送后续步骤</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="154"/>
        <source>On the panel</source>
        <translation>面板上</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="157"/>
        <source>Click to send</source>
        <translation>点击发送</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="159"/>
        <source>Step list</source>
        <translation>步骤列表</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="253"/>
        <source>Send %1</source>
        <translation>发送 %1</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="254"/>
        <source>Send %1 into the current pane</source>
        <translation>将 %1 发送到当前窗格</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="268"/>
        <source>⟳ every %1 ms</source>
        <translation>⟳ 每 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="270"/>
        <source>Repeat %1 at its interval until clicked again</source>
        <translation>按间隔重复发送 %1，再次点击即停止</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="278"/>
        <source>Tick packets on the left to get a button for each.</source>
        <translation>勾选左侧的数据包，每个都会得到一个按钮。</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="286"/>
        <source>sent %1</source>
        <translation>已发送 %1</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="324"/>
        <source>wait %1 ms</source>
        <translation>等待 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="326"/>
        <source>send %1</source>
        <translation>发送 %1</translation>
    </message>
    <message>
        <location filename="../../ui/packets/panel.py" line="377"/>
        <source>sent %1 of %2</source>
        <translation>已发送 %1 / %2</translation>
    </message>
</context>
<context>
    <name>PacketRepeater</name>
    <message>
        <location filename="../../ui/packets/repeating.py" line="65"/>
        <source>packet %1 has no resend interval; set one in Edit…</source>
        <translation>数据包 %1 没有重发间隔；请在“编辑…”中设置</translation>
    </message>
    <message>
        <location filename="../../ui/packets/repeating.py" line="89"/>
        <source>the session is not running; nothing was sent</source>
        <translation>会话未运行；未发送任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/packets/repeating.py" line="111"/>
        <source>repeating %1 every %2 ms: %3 sent</source>
        <translation>正在每 %2 毫秒重复发送 %1：已发送 %3 次</translation>
    </message>
    <message>
        <location filename="../../ui/packets/repeating.py" line="130"/>
        <source>stopped repeating %1 after %2 sends</source>
        <translation>已停止重复发送 %1，共发送 %2 次</translation>
    </message>
    <message>
        <location filename="../../ui/packets/repeating.py" line="136"/>
        <source>stopped repeating %1: %2</source>
        <translation>已停止重复发送 %1：%2</translation>
    </message>
</context>
<context>
    <name>PacketSender</name>
    <message>
        <location filename="../../ui/packets/sending.py" line="32"/>
        <source>open a session pane first; nothing was sent</source>
        <translation>请先打开一个会话窗格；未发送任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/packets/sending.py" line="34"/>
        <source>the session is not running; nothing was sent</source>
        <translation>会话未运行；未发送任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/packets/sending.py" line="36"/>
        <source>no client is connected; nothing was sent</source>
        <translation>没有已连接的客户端；未发送任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/packets/sending.py" line="40"/>
        <source>packet %1 is meant for %2 sessions; nothing was sent</source>
        <translation>数据包 %1 用于 %2 会话；未发送任何内容</translation>
    </message>
</context>
<context>
    <name>PresetBar</name>
    <message>
        <location filename="../../ui/send/presetbar.py" line="393"/>
        <source>No presets yet</source>
        <translation>暂无预设</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="397"/>
        <source>Edit presets…</source>
        <translation>编辑预设…</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="402"/>
        <source>Edit presets</source>
        <translation>编辑预设</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="403"/>
        <source>Add, change, reorder or remove the quick-send buttons</source>
        <translation>添加、修改、重新排序或删除快捷发送按钮</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="439"/>
        <source>Send hex %1</source>
        <translation>发送十六进制 %1</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="441"/>
        <source>Send %1</source>
        <translation>发送 %1</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="444"/>
        <source>Send preset %1</source>
        <translation>发送预设 %1</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="459"/>
        <source>%1 bytes: %2</source>
        <translation>%1 字节：%2</translation>
    </message>
</context>
<context>
    <name>PresetEditor</name>
    <message>
        <location filename="../../ui/send/presetbar.py" line="167"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="168"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="169"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="170"/>
        <source>Escapes</source>
        <translation>转义</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="171"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="172"/>
        <source>Append</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="180"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="181"/>
        <source>One row per button: its name, the data (text or hex) and a line ending</source>
        <translation>每个按钮占一行：名称、数据（文本或十六进制）和行结束符</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="185"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="185"/>
        <source>Add a preset</source>
        <translation>添加预设</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="188"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="189"/>
        <source>Remove the selected preset</source>
        <translation>删除选中的预设</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="192"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="192"/>
        <source>Move the selected preset left</source>
        <translation>将选中的预设左移</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="193"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="193"/>
        <source>Move the selected preset right</source>
        <translation>将选中的预设右移</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="194"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="194"/>
        <source>Check and keep these presets</source>
        <translation>检查并保存这些预设</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="195"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="195"/>
        <source>Forget these edits</source>
        <translation>放弃这些修改</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="252"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="253"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="255"/>
        <source>Preset mode</source>
        <translation>预设模式</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="255"/>
        <source>Text or hex bytes</source>
        <translation>文本或十六进制字节</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="258"/>
        <source>Nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="258"/>
        <source>\r\n (CR LF)</source>
        <translation>\r\n (CR LF)</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="258"/>
        <source>\n (LF)</source>
        <translation>\n (LF)</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="266"/>
        <source>Preset line ending</source>
        <translation>预设行结束符</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="266"/>
        <source>Added on send</source>
        <translation>发送时追加</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="272"/>
        <source>Preset escapes</source>
        <translation>预设转义</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="273"/>
        <source>Text mode: \r \n \t \0 \xNN in the data are control bytes</source>
        <translation>文本模式：数据中的 \r \n \t \0 \xNN 表示控制字节</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="283"/>
        <source>Preset encoding</source>
        <translation>预设编码</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="284"/>
        <source>Text mode: the encoding that turns the text into bytes</source>
        <translation>文本模式：把文本转换为字节所用的编码</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="294"/>
        <source>Preset %1</source>
        <translation>预设 %1</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="333"/>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="343"/>
        <source>give the button a name</source>
        <translation>请为按钮命名</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="346"/>
        <source>the name is longer than %1 characters</source>
        <translation>名称超过 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/send/presetbar.py" line="350"/>
        <source>no data to send</source>
        <translation>没有要发送的数据</translation>
    </message>
</context>
<context>
    <name>ProfileListModel</name>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="158"/>
        <source>built-in examples are read-only; duplicate it to make your own copy</source>
        <extracomment>The row&apos;s :class:`Profile` (any column). True for a built-in example (any column).</extracomment>
        <translation>内置示例为只读；请创建副本作为自己的配置方案</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="176"/>
        <source>{name} (copy)</source>
        <translation>{name}（副本）</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="176"/>
        <source>{name} (copy {n})</source>
        <translation>{name}（副本 {n}）</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="200"/>
        <source>built-in examples are part of netassistant and cannot be deleted</source>
        <translation>内置示例是 netassistant 的一部分，不能删除</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="212"/>
        <source>{error}; rename or delete it, then undo again</source>
        <translation>{error}；请将其重命名或删除，然后再次撤销</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="233"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="233"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="233"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="233"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="268"/>
        <source>Built-in example (read-only): duplicate it to make your own copy</source>
        <translation>内置示例（只读）：创建副本即可得到自己的配置方案</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="278"/>
        <source>TCP server</source>
        <translation>TCP 服务器</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="280"/>
        <source>TCP client</source>
        <translation>TCP 客户端</translation>
    </message>
    <message>
        <location filename="../../qt/models/profilemodel.py" line="281"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
</context>
<context>
    <name>ProfileManager</name>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="114"/>
        <location filename="../../ui/dialogs/profiledialog.py" line="147"/>
        <source>Profiles</source>
        <translation>配置方案</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="128"/>
        <source>Search name, address or description</source>
        <translation>搜索名称、地址或描述</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="133"/>
        <source>Search profiles</source>
        <translation>搜索配置方案</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="134"/>
        <source>Show only profiles whose name, address or description contain every word</source>
        <translation>只显示名称、地址或描述包含所有关键词的配置方案</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="146"/>
        <source>Built-in examples (italic, read-only) and your profiles; double-click opens</source>
        <translation>内置示例（斜体，只读）和您的配置方案；双击打开</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="150"/>
        <source>Type the new name; Enter renames, Escape cancels</source>
        <translation>输入新名称；按 Enter 重命名，按 Escape 取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="151"/>
        <source>New profile name</source>
        <translation>新配置方案名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="152"/>
        <source>Give the profile the name typed here</source>
        <translation>将配置方案改为此处输入的名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="154"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="156"/>
        <source>Keep the old name</source>
        <translation>保留原名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="158"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="160"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="167"/>
        <source>Save the deleted profile again, exactly as it was</source>
        <translation>按原样重新保存已删除的配置方案</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="168"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="175"/>
        <source>The result of the last action, and profile files that could not be read</source>
        <translation>上一次操作的结果，以及无法读取的配置方案文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="176"/>
        <source>Profile messages</source>
        <translation>配置方案消息</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="178"/>
        <source>Open the selected profile in a new pane (Enter)</source>
        <translation>在新面板中打开选中的配置方案 (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="179"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="180"/>
        <source>Give the selected profile a new name (F2); built-ins are read-only</source>
        <translation>重命名选中的配置方案 (F2)；内置示例为只读</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="182"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="184"/>
        <source>Save a copy as &quot;&lt;name&gt; (copy)&quot;: how you make an editable built-in</source>
        <translation>另存副本为“&lt;name&gt;（副本）”：这样即可得到可编辑的内置示例</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="186"/>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="188"/>
        <source>Delete the selected profile&apos;s file (Del); Undo brings it back</source>
        <translation>删除选中配置方案的文件 (Del)；可用“撤销”恢复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="190"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="192"/>
        <source>Add a profile from a .json file; invalid files are refused</source>
        <translation>从 .json 文件添加配置方案；无效的文件会被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="194"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="196"/>
        <source>Save the selected profile to a .json file to share it</source>
        <translation>将选中的配置方案保存为 .json 文件以便分享</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="198"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="201"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="359"/>
        <source>Opened &apos;{name}&apos; in a new pane</source>
        <translation>已在新面板中打开“{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="365"/>
        <source>Warning: {warning}</source>
        <translation>警告：{warning}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="394"/>
        <source>Renamed &apos;{old}&apos; to &apos;{new}&apos;</source>
        <translation>已将“{old}”重命名为“{new}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="411"/>
        <source>Saved a copy of &apos;{old}&apos; as &apos;{new}&apos;</source>
        <translation>已将“{old}”另存为副本“{new}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="422"/>
        <source>Deleted &apos;{name}&apos;</source>
        <translation>已删除“{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="435"/>
        <source>Restored &apos;{name}&apos;</source>
        <translation>已恢复“{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="456"/>
        <source>Imported &apos;{original}&apos; from {path} as &apos;{name}&apos;: that name is taken (built-in examples and your profiles are never replaced by an import)</source>
        <translation>已从 {path} 导入 &apos;{original}&apos;，保存为 &apos;{name}&apos;：该名称已被占用（导入不会替换内置示例或你的配置）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="461"/>
        <source>Imported &apos;{name}&apos; from {path}</source>
        <translation>已从 {path} 导入“{name}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="473"/>
        <source>Exported &apos;{name}&apos; to {path}</source>
        <translation>已将“{name}”导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="479"/>
        <source>Import profile</source>
        <translation>导入配置方案</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="481"/>
        <location filename="../../ui/dialogs/profiledialog.py" line="490"/>
        <source>Profiles (*.json);;All files (*)</source>
        <translation>配置方案 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/profiledialog.py" line="488"/>
        <source>Export profile</source>
        <translation>导出配置方案</translation>
    </message>
</context>
<context>
    <name>RangeSpinBox</name>
    <message>
        <location filename="../../ui/widgets.py" line="146"/>
        <source>%1 is out of range for %2: enter %3 to %4. It stays %5.</source>
        <extracomment>How long an out-of-range message stays at a spin box without an inline note. Set by :func:`with_note`; without a note the message pops up at the field.</extracomment>
        <translation>%1 超出了 %2 的范围：请输入 %3 到 %4 之间的值。保持为 %5。</translation>
    </message>
</context>
<context>
    <name>RateGraph</name>
    <message>
        <location filename="../../ui/receive/rategraph.py" line="77"/>
        <source>TX</source>
        <extracomment>How often the counters are sampled while the graph is shown. RX dark blue and TX dark red, as the receive log draws them.</extracomment>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/receive/rategraph.py" line="77"/>
        <source>RX</source>
        <translation>接收</translation>
    </message>
</context>
<context>
    <name>RateGraphBox</name>
    <message>
        <location filename="../../ui/receive/rategraph.py" line="111"/>
        <source>Rate graph unit</source>
        <translation>速率图单位</translation>
    </message>
    <message>
        <location filename="../../ui/receive/rategraph.py" line="112"/>
        <source>Graph bytes or chunks (recv/send calls) per second</source>
        <translation>按每秒字节数或每秒数据块数（recv/send 调用次数）绘图</translation>
    </message>
    <message>
        <location filename="../../ui/receive/rategraph.py" line="113"/>
        <source>bytes/s</source>
        <translation>字节/秒</translation>
    </message>
    <message>
        <location filename="../../ui/receive/rategraph.py" line="113"/>
        <source>chunks/s</source>
        <translation>块/秒</translation>
    </message>
    <message>
        <location filename="../../ui/receive/rategraph.py" line="144"/>
        <source>RX %1 · TX %2</source>
        <translation>接收 %1 · 发送 %2</translation>
    </message>
</context>
<context>
    <name>ReceiveToolbar</name>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="33"/>
        <source>Display mode</source>
        <translation>显示模式</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="34"/>
        <source>Show received bytes as hex, as text, or both side by side</source>
        <translation>以十六进制、文本或两者并排的方式显示接收的字节</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="35"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="35"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="35"/>
        <source>Both</source>
        <translation>两者</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="40"/>
        <source>Stream view</source>
        <translation>流视图</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="41"/>
        <source>Show the newest chunks back to back; each colour band is one recv()</source>
        <translation>首尾相接地显示最新的数据块；每个色带是一次 recv()</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="46"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="47"/>
        <source>Stop adding to the log; what arrives meanwhile waits and is added on resume</source>
        <translation>暂停写入日志；期间到达的数据会等待，继续后再加入</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="52"/>
        <source>Auto-scroll</source>
        <translation>自动滚动</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="54"/>
        <source>Keep the newest chunk in view. Turns off by itself when you scroll up and back on when you scroll to the bottom.</source>
        <translation>保持最新的数据块可见。向上滚动时自动关闭，滚动到底部时自动重新开启。</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="61"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="62"/>
        <source>Remove all received chunks from the view (Ctrl+L)</source>
        <translation>从视图中清除所有接收的数据块 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="67"/>
        <source>Save log…</source>
        <translation>保存日志…</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="69"/>
        <source>Save every row the log holds now (also those a filter hides) to a text, CSV or JSON-lines file; then, if you like, keep recording to it</source>
        <translation>把日志当前保存的每一行（包括被过滤器隐藏的行）保存为文本、CSV 或 JSON 行文件；之后如有需要可继续记录到该文件</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="75"/>
        <source>Connection filter</source>
        <translation>连接过滤</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="76"/>
        <source>Show the chunks of all connections or of one</source>
        <translation>显示所有连接或某一个连接的数据块</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="77"/>
        <source>All connections</source>
        <translation>所有连接</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="82"/>
        <source>Direction filter</source>
        <translation>方向过滤</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="83"/>
        <source>Show received (RX) chunks, sent (TX) chunks, or both</source>
        <translation>显示接收 (RX) 的数据块、发送 (TX) 的数据块，或两者</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="84"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="84"/>
        <source>RX</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="84"/>
        <source>TX</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="88"/>
        <source>Filter peer</source>
        <translation>过滤对端</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="94"/>
        <source>Peer filter</source>
        <translation>对端过滤</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="96"/>
        <source>Show only rows whose peer address contains this text, e.g. a UDP sender&apos;s port</source>
        <translation>只显示对端地址包含此文本的行，例如 UDP 发送方的端口</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="99"/>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="104"/>
        <source>Show connection events</source>
        <translation>显示连接事件</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receivetoolbar.py" line="105"/>
        <source>Show connects, closes, resets and errors between the chunks</source>
        <translation>在数据块之间显示连接、关闭、复位和错误事件</translation>
    </message>
</context>
<context>
    <name>ReceiveView</name>
    <message>
        <location filename="../../ui/receive/receiveview.py" line="140"/>
        <source>Received chunks</source>
        <translation>接收的数据块</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receiveview.py" line="141"/>
        <source>One row per recv() or send; select a row to see the whole chunk below</source>
        <translation>每次 recv() 或发送占一行；选中一行可在下方查看完整的数据块</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receiveview.py" line="301"/>
        <source>paused — {count} chunks waiting</source>
        <translation>已暂停 — {count} 个数据块等待中</translation>
    </message>
    <message>
        <location filename="../../ui/receive/receiveview.py" line="126"/>
        <source>#{conn} {peer}</source>
        <extracomment>Shortest gap between two repaints of the log while batches keep coming (10 Hz).</extracomment>
        <translation>#{conn} {peer}</translation>
    </message>
</context>
<context>
    <name>RelayBox</name>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="33"/>
        <source>Relay</source>
        <extracomment>Pixels around the widest DIR label (as the log&apos;s other columns have).</extracomment>
        <translation>中继</translation>
    </message>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="37"/>
        <source>Relay UDP datagrams</source>
        <translation>中继 UDP 数据报</translation>
    </message>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="38"/>
        <source>One upstream socket per sender, expiring after the idle time</source>
        <translation>每个发送方一个上游套接字，空闲超时后失效</translation>
    </message>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="44"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="48"/>
        <location filename="../../ui/pane/relaypane.py" line="59"/>
        <source>UDP idle time</source>
        <translation>UDP 空闲时间</translation>
    </message>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="49"/>
        <source>A sender&apos;s UDP session ends after this long without a datagram</source>
        <translation>发送方的 UDP 会话在这么长时间没有数据报后结束</translation>
    </message>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="53"/>
        <source>Leg</source>
        <translation>一侧</translation>
    </message>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="54"/>
        <source>Which leg Half-close and Abort act on: the client&apos;s or the server&apos;s</source>
        <translation>“半关闭”和“中止”作用于哪一侧：客户端侧或服务器侧</translation>
    </message>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="55"/>
        <source>server leg</source>
        <translation>服务器侧</translation>
    </message>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="55"/>
        <source>client leg</source>
        <translation>客户端侧</translation>
    </message>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="60"/>
        <source>Buttons act on</source>
        <translation>按钮作用于</translation>
    </message>
</context>
<context>
    <name>RelayPane</name>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="126"/>
        <source>a fault is not valid</source>
        <translation>有一个故障无效</translation>
    </message>
    <message>
        <location filename="../../ui/pane/relaypane.py" line="147"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <location filename="../../ui/send/replay.py" line="67"/>
        <source>Replay a recording</source>
        <translation>回放录制</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="77"/>
        <source>a JSONL log (--json, capture) or a pcap file</source>
        <translation>JSONL 日志（--json、捕获）或 pcap 文件</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="78"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="84"/>
        <source>what this side sent (tx)</source>
        <translation>这一方发送的（tx）</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="85"/>
        <source>what this side received (rx)</source>
        <translation>这一方接收的（rx）</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="87"/>
        <source>all peers (or host:port)</source>
        <translation>所有对端（或 主机:端口）</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="92"/>
        <source> ×</source>
        <translation> 倍</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="93"/>
        <source>as fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="105"/>
        <source>Start replay</source>
        <translation>开始回放</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="106"/>
        <source>Cancel replay</source>
        <translation>取消回放</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="116"/>
        <source>Recording</source>
        <translation>录制文件</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="117"/>
        <source>Side</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="118"/>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="119"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="129"/>
        <source>Replay speed</source>
        <translation>回放速度</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="130"/>
        <source>1 × keeps the recorded timing; 10 × is ten times faster (0.1 × .. 100 ×)</source>
        <translation>1 倍保持录制时的节奏；10 倍即快十倍（0.1 倍 .. 100 倍）</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="135"/>
        <source>Side to replay</source>
        <translation>回放哪一方</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="136"/>
        <source>Whose chunks are sent again, one send per recorded chunk</source>
        <translation>哪一方的数据块被重新发送，每个录制的数据块发送一次</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="151"/>
        <source>Choose a recording</source>
        <translation>选择录制文件</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="153"/>
        <source>Recordings (*.jsonl *.json *.pcap *.log);;All files (*)</source>
        <translation>录制文件 (*.jsonl *.json *.pcap *.log);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="163"/>
        <location filename="../../ui/send/replay.py" line="183"/>
        <source>the session is not running; nothing was sent</source>
        <translation>会话未运行；未发送任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="166"/>
        <source>choose a recording first</source>
        <translation>请先选择录制文件</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="169"/>
        <source>checking the recording…</source>
        <translation>正在检查录制文件…</translation>
    </message>
    <message>
        <location filename="../../ui/send/replay.py" line="189"/>
        <source>replaying %1 chunks (%2 bytes)</source>
        <translation>正在回放 %1 个数据块（%2 字节）</translation>
    </message>
</context>
<context>
    <name>ReplyRulesBox</name>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="63"/>
        <location filename="../../ui/automation/rulesbox.py" line="104"/>
        <source>Reply rules</source>
        <extracomment>How often the &quot;Fired&quot; column is refreshed while rules run.</extracomment>
        <translation>回复规则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="83"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="85"/>
        <source>Enable reply rules</source>
        <translation>启用回复规则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="87"/>
        <source>Answer received data by the rules, without pressing Send. Replies pause themselves above %1 a second or when two echoing peers bounce data.</source>
        <translation>按规则自动应答收到的数据，无需点击发送。超过每秒 %1 次回复或两个回显端互相反弹数据时会自动暂停。</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="92"/>
        <source>First matching rule</source>
        <translation>第一条匹配的规则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="93"/>
        <source>Every matching rule</source>
        <translation>每条匹配的规则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="97"/>
        <source>Which rules answer</source>
        <translation>哪些规则应答</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="98"/>
        <source>First: only the first rule that matches answers. Every: each one does.</source>
        <translation>第一条：只有第一条匹配的规则应答。每条：每条匹配的规则都应答。</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="105"/>
        <source>Checked in order; double-click a rule to edit it. Fired counts replies.</source>
        <translation>按顺序检查；双击规则可编辑。“触发”是回复次数。</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="108"/>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="108"/>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="108"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="108"/>
        <source>Delay</source>
        <translation>延时</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="108"/>
        <source>Fired</source>
        <translation>触发</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="123"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="123"/>
        <source>Add a rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="125"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="125"/>
        <source>Edit the selected rule</source>
        <translation>编辑所选规则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="128"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="128"/>
        <source>Delete the selected rule</source>
        <translation>删除所选规则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="130"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="130"/>
        <source>Check it earlier</source>
        <translation>更早检查</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="131"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="131"/>
        <source>Check it later</source>
        <translation>更晚检查</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="133"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="133"/>
        <source>Load rules from a JSON file</source>
        <translation>从 JSON 文件加载规则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="136"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="138"/>
        <source>Save the rules as JSON (netassistant-cli --rules FILE reads it)</source>
        <translation>将规则保存为 JSON（netassistant-cli --rules FILE 可读取）</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="250"/>
        <source>Import reply rules</source>
        <translation>导入回复规则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="250"/>
        <location filename="../../ui/automation/rulesbox.py" line="268"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="268"/>
        <source>Export reply rules</source>
        <translation>导出回复规则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="325"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="337"/>
        <source>anything</source>
        <translation>任意内容</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="338"/>
        <source>exactly</source>
        <translation>等于</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="339"/>
        <source>starts with</source>
        <translation>开头为</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="340"/>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="341"/>
        <source>hex pattern</source>
        <translation>十六进制模式</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="342"/>
        <source>regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/rulesbox.py" line="344"/>
        <source>message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="49"/>
        <source>Reply rule</source>
        <translation>回复规则</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="76"/>
        <location filename="../../ui/automation/ruledialog.py" line="162"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="76"/>
        <source>A label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="78"/>
        <location filename="../../ui/automation/ruledialog.py" line="80"/>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="81"/>
        <source>A disabled rule never answers</source>
        <translation>禁用的规则从不应答</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="85"/>
        <location filename="../../ui/automation/ruledialog.py" line="164"/>
        <source>Look at</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="87"/>
        <source>Each received chunk</source>
        <translation>每个收到的数据块</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="88"/>
        <source>Each decoded message</source>
        <translation>每条解码出的消息</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="90"/>
        <source>Decoded messages need framing set in the Framing box</source>
        <translation>解码消息需要在“分帧”框中设置分帧</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="94"/>
        <location filename="../../ui/automation/ruledialog.py" line="165"/>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="96"/>
        <source>Anything (echo and catch-all)</source>
        <translation>任意内容（回显和兜底）</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="97"/>
        <source>Exactly</source>
        <translation>完全等于</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="98"/>
        <source>Starts with</source>
        <translation>开头为</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="99"/>
        <source>Contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="100"/>
        <source>Hex pattern (?? = any byte)</source>
        <translation>十六进制模式（?? = 任意字节）</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="101"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="104"/>
        <source>Hex pattern: the whole data, e.g. 01 03 ?? ?? *; each ?? and * is a capture. Regular expression: RE2 syntax, searched; groups are captures</source>
        <translation>十六进制模式：匹配整段数据，例如 01 03 ?? ?? *；每个 ?? 和 * 都是捕获。正则表达式：RE2 语法，搜索匹配；分组即捕获</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="109"/>
        <location filename="../../ui/automation/ruledialog.py" line="166"/>
        <source>Match text</source>
        <translation>匹配文本</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="109"/>
        <source>What to look for</source>
        <translation>要查找的内容</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="113"/>
        <location filename="../../ui/automation/ruledialog.py" line="167"/>
        <source>Match as</source>
        <translation>匹配为</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="114"/>
        <location filename="../../ui/automation/ruledialog.py" line="126"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="114"/>
        <location filename="../../ui/automation/ruledialog.py" line="126"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="115"/>
        <source>How Exactly / Starts with / Contains read the match</source>
        <translation>“完全等于 / 开头为 / 包含”如何读取匹配内容</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="120"/>
        <location filename="../../ui/automation/ruledialog.py" line="168"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="121"/>
        <source>What to send back; placeholders are filled in</source>
        <translation>要回发的内容；占位符会被填入</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="125"/>
        <location filename="../../ui/automation/ruledialog.py" line="169"/>
        <source>Reply as</source>
        <translation>回复为</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="127"/>
        <source>Text in the session&apos;s encoding, or hex digits (placeholders work in both)</source>
        <translation>按会话编码的文本，或十六进制数字（两者都支持占位符）</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="130"/>
        <location filename="../../ui/automation/ruledialog.py" line="132"/>
        <source>Escapes</source>
        <translation>转义</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="133"/>
        <source>In text fields, \r \n \t \0 \xNN and \\ stand for those bytes</source>
        <translation>在文本字段中，\r \n \t \0 \xNN 和 \\ 表示对应字节</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="136"/>
        <location filename="../../ui/automation/ruledialog.py" line="171"/>
        <source>Delay</source>
        <translation>延时</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="136"/>
        <source>Wait this long before replying</source>
        <translation>回复前等待这么久</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="139"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="140"/>
        <source>Placeholders: %1</source>
        <translation>占位符：%1</translation>
    </message>
    <message>
        <location filename="../../ui/automation/ruledialog.py" line="145"/>
        <source>{1} {name}: captures; {data} the received bytes; {len} their length; {n} how often this rule fired; {time} {date} {datetime} {unixtime}; {random:N} 0..N-1; {uuid}; {hex:01 02}; {checksum:crc16-modbus} over everything before it. Received data is never read as placeholders</source>
        <translation>{1} {name}：捕获；{data} 收到的字节；{len} 其长度；{n} 本规则触发次数；{time} {date} {datetime} {unixtime}；{random:N} 0..N-1；{uuid}；{hex:01 02}；{checksum:crc16-modbus} 对其之前的全部字节计算。收到的数据从不被当作占位符</translation>
    </message>
</context>
<context>
    <name>SaveLog</name>
    <message>
        <location filename="../../ui/receive/savelog.py" line="39"/>
        <location filename="../../ui/receive/savelog.py" line="56"/>
        <source>Save log</source>
        <extracomment>Log format by file name extension; anything else is a text log.</extracomment>
        <translation>保存日志</translation>
    </message>
    <message>
        <location filename="../../ui/receive/savelog.py" line="41"/>
        <source>Text log (*.txt *.log);;CSV (*.csv);;JSON lines (*.jsonl);;pcap (*.pcap);;All files (*)</source>
        <translation>文本日志 (*.txt *.log);;CSV (*.csv);;JSON 行 (*.jsonl);;pcap (*.pcap);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/receive/savelog.py" line="58"/>
        <source>Saved %1 records to %2. Keep recording new traffic to this file?</source>
        <translation>已将 %1 条记录保存到 %2。是否继续把新的流量记录到此文件？</translation>
    </message>
</context>
<context>
    <name>SendArea</name>
    <message>
        <location filename="../../ui/send/sendarea.py" line="59"/>
        <source>Packets…</source>
        <translation>数据包…</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendarea.py" line="60"/>
        <source>Open the packet library: saved packets to send into this pane (Ctrl+Shift+P)</source>
        <translation>打开数据包库：把保存的数据包发送到此窗格 (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendarea.py" line="77"/>
        <source>Replay…</source>
        <translation>回放…</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendarea.py" line="81"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendarea.py" line="82"/>
        <source>Send one side of a recorded session again</source>
        <translation>把录制会话中一方发送的数据再发一遍</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendarea.py" line="139"/>
        <location filename="../../ui/send/sendarea.py" line="173"/>
        <location filename="../../ui/send/sendarea.py" line="222"/>
        <location filename="../../ui/send/sendarea.py" line="241"/>
        <source>the session is not running; nothing was sent</source>
        <translation>会话未运行；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendarea.py" line="142"/>
        <source>no client is connected; nothing was sent</source>
        <translation>没有已连接的客户端；未发送任何数据</translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="131"/>
        <source>Data to send</source>
        <extracomment>Line endings the append combo offers, in its order (&quot;&quot; = none). UDP: the user chose &quot;Send empty datagram&quot; (a SendRequest with no data). Kinds with connections to choose from (a server&apos;s clients, a relay&apos;s pairs).</extracomment>
        <translation>待发送数据</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="132"/>
        <source>What to send: text in the session&apos;s encoding, or hex like 01 02 0A</source>
        <translation>要发送的内容：按会话编码的文本，或形如 01 02 0A 的十六进制</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="138"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="139"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="143"/>
        <source>Send mode</source>
        <translation>发送模式</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="144"/>
        <source>Text is encoded with the session&apos;s encoding; Hex takes bytes like 01 02 0A</source>
        <translation>文本按会话编码进行编码；十六进制接受形如 01 02 0A 的字节</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="146"/>
        <source>Escapes</source>
        <translation>转义</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="150"/>
        <source>Interpret escapes</source>
        <translation>解析转义字符</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="151"/>
        <source>In text mode, \r \n \t \0 \xNN and \\ stand for those bytes</source>
        <translation>文本模式下，\r \n \t \0 \xNN 和 \\ 表示对应的字节</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="153"/>
        <source>Append:</source>
        <translation>追加：</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="155"/>
        <source>Nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="156"/>
        <source>\r\n (CR LF)</source>
        <translation>\r\n (CR LF)</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="157"/>
        <source>\n (LF)</source>
        <translation>\n (LF)</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="161"/>
        <source>Line ending to append</source>
        <translation>追加的行结束符</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="162"/>
        <source>Line ending added after the data, in both modes</source>
        <translation>在数据后追加的行结束符（两种模式均适用）</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="165"/>
        <location filename="../../ui/send/sendpanel.py" line="166"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="166"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>发送 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="179"/>
        <source>Send to:</source>
        <translation>发送到：</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="182"/>
        <source>All clients</source>
        <translation>所有客户端</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="184"/>
        <source>All relayed connections</source>
        <translation>所有中继连接</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="197"/>
        <source>Send target</source>
        <translation>发送目标</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="198"/>
        <source>Send to every connected client, or to one of them</source>
        <translation>发送给所有已连接的客户端，或其中一个</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="216"/>
        <source>Send empty datagram (0 bytes)</source>
        <extracomment>Relay: inject toward the server or the client.</extracomment>
        <translation>发送空数据报 (0 字节)</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="228"/>
        <source>More ways to send</source>
        <translation>更多发送方式</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="229"/>
        <source>More ways to send, e.g. an empty datagram (0 bytes)</source>
        <translation>更多发送方式，例如空数据报 (0 字节)</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="246"/>
        <source>Remote:</source>
        <translation>远程：</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="248"/>
        <source>host or IP</source>
        <translation>主机或 IP</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="252"/>
        <source>Remote host</source>
        <translation>远程主机</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="253"/>
        <source>Host, IP address or unix socket path to send to</source>
        <translation>发送目标的主机、IP 地址或 Unix 套接字路径</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="259"/>
        <source>Remote port</source>
        <translation>远程端口</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="259"/>
        <source>Remote UDP port</source>
        <translation>远程 UDP 端口</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="261"/>
        <location filename="../../ui/send/sendpanel.py" line="265"/>
        <source>Reply to last sender</source>
        <translation>回复最后的发送方</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="266"/>
        <source>Send to whoever sent the last datagram instead of the remote above</source>
        <translation>发送给最后一个数据报的发送方，而不是上面的远程地址</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="236"/>
        <location filename="../../ui/send/sendpanel.py" line="290"/>
        <source>the session is not running; nothing was sent</source>
        <translation>会话未运行；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="310"/>
        <source>nothing to send: type some text or hex</source>
        <translation>没有要发送的数据：请输入文本或十六进制</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="336"/>
        <source>enter the remote host and port, or tick Reply to last sender</source>
        <translation>请输入远程主机和端口，或勾选“回复最后的发送方”</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="339"/>
        <source>choose a remote port from 1 to 65535</source>
        <translation>请选择 1 到 65535 之间的远程端口</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="390"/>
        <source>cannot convert to hex: %1</source>
        <translation>无法转换为十六进制：%1</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="398"/>
        <source>byte 0x%1 at offset %2 is not valid %3 text; kept as hex</source>
        <translation>偏移 %2 处的字节 0x%1 不是有效的 %3 文本；保留为十六进制</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="405"/>
        <source>the bytes hold %1, which the text box cannot keep; tick Escapes</source>
        <translation>这些字节包含 %1，文本框无法保存；请勾选“转义”</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="185"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="462"/>
        <source>Send the data (Ctrl+Enter)</source>
        <translation>发送数据 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendpanel.py" line="464"/>
        <source>Start the session first; then Send (or Ctrl+Enter) sends the data</source>
        <translation>请先启动会话，然后点击“发送”（或按 Ctrl+Enter）发送数据</translation>
    </message>
</context>
<context>
    <name>SendToolsBox</name>
    <message>
        <location filename="../../ui/send/sendtools.py" line="72"/>
        <source>Send options</source>
        <translation>发送选项</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="82"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="94"/>
        <source>Periodic (until stopped)</source>
        <translation>周期发送（直到停止）</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="95"/>
        <source>Counter {n}</source>
        <translation>计数器 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="102"/>
        <source>Separate sends</source>
        <translation>分开发送</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="103"/>
        <source>N copies in one send call</source>
        <translation>N 份合并为一次发送调用</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="104"/>
        <source>N send calls back to back</source>
        <translation>N 次发送调用连续执行</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="112"/>
        <source>No framing</source>
        <translation>不分帧</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="113"/>
        <source>Add length header</source>
        <translation>添加长度头</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="114"/>
        <source>Append delimiter</source>
        <translation>追加分隔符</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="117"/>
        <source>No checksum</source>
        <translation>无校验和</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="120"/>
        <source>Usual byte order</source>
        <translation>常用字节序</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="121"/>
        <source>Big-endian</source>
        <translation>大端</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="122"/>
        <source>Little-endian</source>
        <translation>小端</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="130"/>
        <source>Repeat count</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="130"/>
        <source>Messages to send</source>
        <translation>要发送的消息数</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="134"/>
        <source>Periodic send</source>
        <translation>周期发送</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="135"/>
        <source>Send again every interval until you press Stop</source>
        <translation>每隔一个间隔再次发送，直到点击“停止”</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="140"/>
        <source>Interval in milliseconds</source>
        <translation>间隔（毫秒）</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="141"/>
        <source>From the start of one message to the next; can be changed while sending</source>
        <translation>从一条消息开始到下一条消息开始的时间；发送过程中可修改</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="146"/>
        <source>Burst</source>
        <translation>突发</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="148"/>
        <source>Separate sends wait the interval between messages; a burst sends all N at once (one call, or N calls in a row) to provoke sticky packets</source>
        <translation>分开发送时每条消息之间等待间隔；突发则一次发出全部 N 条（一次调用，或连续 N 次调用），用于制造粘包</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="155"/>
        <source>Split into pieces</source>
        <translation>拆分为若干段</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="156"/>
        <source>Send each message as this many pieces, one send call each</source>
        <translation>将每条消息拆分为这么多段发送，每段一次发送调用</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="161"/>
        <source>Gap between pieces</source>
        <translation>段间间隔</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="162"/>
        <source>Wait between the pieces of a message</source>
        <translation>一条消息各段之间的等待时间</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="167"/>
        <source>Counter</source>
        <translation>计数器</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="169"/>
        <source>Replace {n} in the data by the message number 1, 2, 3, ... (before the checksum and frame are added)</source>
        <translation>将数据中的 {n} 替换为消息序号 1、2、3……（在添加校验和与帧之前）</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="176"/>
        <source>Framing on send</source>
        <translation>发送分帧</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="178"/>
        <source>Build a frame around each message (after its checksum), so a receiver&apos;s decoder strips the frame and then checks the checksum at the message end</source>
        <translation>为每条消息（在其校验和之后）加上帧，接收方的解码器先去掉帧，再校验消息末尾的校验和</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="185"/>
        <source>Frame format</source>
        <translation>帧格式</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="187"/>
        <source>Frame format; choosing a framing fills in one to edit: !I is a 4-byte big-endian length, &lt;H a 2-byte little-endian one, \r\n a CR LF delimiter</source>
        <translation>帧格式；选择分帧方式会填入一个可编辑的格式：!I 表示 4 字节大端长度，&lt;H 表示 2 字节小端长度，\r\n 表示 CR LF 分隔符</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="194"/>
        <source>Checksum on send</source>
        <translation>发送校验和</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="196"/>
        <source>Append a checksum to each message before framing: a receiver strips the frame, then verifies the checksum at the end of the message</source>
        <translation>在分帧之前为每条消息追加校验和：接收方先去掉帧，再校验消息末尾的校验和</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="203"/>
        <source>Checksum byte order</source>
        <translation>校验和字节序</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="204"/>
        <source>Byte order of the checksum; the usual one is low byte first for Modbus</source>
        <translation>校验和的字节序；Modbus 通常低字节在前</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="208"/>
        <location filename="../../ui/send/sendtools.py" line="394"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="217"/>
        <source>Repeat:</source>
        <translation>重复：</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="218"/>
        <source>Interval:</source>
        <translation>间隔：</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="219"/>
        <source>Burst:</source>
        <translation>突发：</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="220"/>
        <source>Split into:</source>
        <translation>拆分为：</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="222"/>
        <source>Frame:</source>
        <translation>帧：</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="223"/>
        <source>Checksum:</source>
        <translation>校验和：</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="281"/>
        <source>the counter is on but the data has no {n}; type {n} where the number goes</source>
        <translation>已启用计数器，但数据中没有 {n}；请在需要序号的位置输入 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="290"/>
        <source>cannot split %1 bytes into %2 pieces; choose at most %1</source>
        <translation>无法将 %1 字节拆分为 %2 段；最多选择 %1 段</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="346"/>
        <source>bad frame format: %1</source>
        <translation>帧格式错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="348"/>
        <source>the frame format does not match the framing chosen; e.g. %1</source>
        <translation>帧格式与所选分帧方式不符；例如 %1</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="356"/>
        <source>cannot frame the data: %1</source>
        <translation>无法对数据分帧：%1</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="372"/>
        <source>the delimiter holds a digit, which the counter could produce too</source>
        <translation>分隔符中含有数字，计数器也可能产生该数字</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="377"/>
        <source>with the counter each message has its own checksum, which could contain the delimiter; use a length header or turn the counter off</source>
        <translation>启用计数器时每条消息都有各自的校验和，其中可能包含分隔符；请改用长度头或关闭计数器</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="394"/>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="404"/>
        <source>%1 of %2 sent</source>
        <translation>已发送 %1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="406"/>
        <source>%1 sent</source>
        <translation>已发送 %1</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="435"/>
        <location filename="../../ui/send/sendtools.py" line="436"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="436"/>
        <source>Stop the send</source>
        <translation>停止发送</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="438"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="440"/>
        <source>Send the data with these options; a periodic send runs until Stop</source>
        <translation>按这些选项发送数据；周期发送会一直运行，直到点击“停止”</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="442"/>
        <source>Start the session first; then Start sends with these options</source>
        <translation>请先启动会话；然后点击“开始”按这些选项发送</translation>
    </message>
    <message>
        <location filename="../../ui/send/sendtools.py" line="444"/>
        <source>Start sending</source>
        <translation>开始发送</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <location filename="../../qt/session.py" line="224"/>
        <source>the session stopped before the send finished</source>
        <translation>发送完成前会话已停止</translation>
    </message>
    <message>
        <location filename="../../qt/session.py" line="301"/>
        <source>internal error, please report it: %1</source>
        <translation>内部错误，请报告此问题：%1</translation>
    </message>
</context>
<context>
    <name>SessionPane</name>
    <message>
        <location filename="../../ui/pane/pane.py" line="530"/>
        <source>internal error in a capture or auto-reply: %1</source>
        <extracomment>The profile this pane was opened from or saved as (&quot;&quot; if none). Half-close/Abort (client) or Pause accepting (server); None for UDP. The settings column&apos;s layout (a pane of one kind may add its own boxes).</extracomment>
        <translation>捕获或自动应答中发生内部错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pane/pane.py" line="571"/>
        <source>TCP server</source>
        <translation>TCP 服务器</translation>
    </message>
    <message>
        <location filename="../../ui/pane/pane.py" line="572"/>
        <source>TCP client</source>
        <translation>TCP 客户端</translation>
    </message>
    <message>
        <location filename="../../ui/pane/pane.py" line="573"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location filename="../../ui/pane/pane.py" line="574"/>
        <source>Relay</source>
        <translation>中继</translation>
    </message>
</context>
<context>
    <name>SettingsColumns</name>
    <message>
        <location filename="../../ui/settingscolumns.py" line="109"/>
        <source>Settings &amp;column</source>
        <extracomment>A pane&apos;s margins, splitter handles and scroll bar, in pixels, beyond its parts.</extracomment>
        <translation>设置栏(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/settingscolumns.py" line="111"/>
        <source>Show the settings column of each pane (hide it to give the log the width)</source>
        <translation>显示每个面板的设置栏（隐藏后日志可占满宽度）</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="375"/>
        <location filename="../../ui/pane/settingspanel.py" line="376"/>
        <source>/tmp/netassistant.sock</source>
        <translation>/tmp/netassistant.sock</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="383"/>
        <location filename="../../ui/pane/settingspanel.py" line="455"/>
        <source>Socket path</source>
        <translation>套接字路径</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="145"/>
        <location filename="../../ui/pane/settingspanel.py" line="226"/>
        <location filename="../../ui/pane/settingspanel.py" line="383"/>
        <location filename="../../ui/pane/settingspanel.py" line="457"/>
        <source>Local host</source>
        <translation>本地主机</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="95"/>
        <source>IPv4</source>
        <translation>IPv4</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="96"/>
        <source>IPv6</source>
        <translation>IPv6</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="97"/>
        <source>Unix socket (AF_UNIX)</source>
        <translation>Unix 套接字 (AF_UNIX)</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="104"/>
        <source>0 (any free port)</source>
        <translation>0（任意空闲端口）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="110"/>
        <location filename="../../ui/pane/settingspanel.py" line="133"/>
        <source> B</source>
        <translation> 字节</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="120"/>
        <source>TCP_NODELAY (Nagle off)</source>
        <translation>TCP_NODELAY（关闭 Nagle）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="121"/>
        <location filename="../../ui/pane/settingspanel.py" line="283"/>
        <source>SO_REUSEADDR</source>
        <translation>SO_REUSEADDR</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="122"/>
        <location filename="../../ui/pane/settingspanel.py" line="307"/>
        <location filename="../../ui/pane/settingspanel.py" line="463"/>
        <source>SO_BROADCAST</source>
        <translation>SO_BROADCAST</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="123"/>
        <location filename="../../ui/pane/settingspanel.py" line="298"/>
        <source>Close when the peer closes</source>
        <translation>对端关闭时关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="124"/>
        <location filename="../../ui/pane/settingspanel.py" line="289"/>
        <source>Watch kernel socket state</source>
        <translation>监视内核套接字状态</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="126"/>
        <source>e.g. 239.1.2.3</source>
        <translation>例如 239.1.2.3</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="132"/>
        <source>system default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="138"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="141"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="142"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="146"/>
        <location filename="../../ui/pane/settingspanel.py" line="235"/>
        <location filename="../../ui/pane/settingspanel.py" line="458"/>
        <source>Local port</source>
        <translation>本地端口</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="147"/>
        <location filename="../../ui/pane/settingspanel.py" line="241"/>
        <location filename="../../ui/pane/settingspanel.py" line="459"/>
        <source>Remote host</source>
        <translation>远程主机</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="148"/>
        <location filename="../../ui/pane/settingspanel.py" line="247"/>
        <location filename="../../ui/pane/settingspanel.py" line="460"/>
        <source>Remote port</source>
        <translation>远程端口</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="149"/>
        <source>Protocol family</source>
        <translation>协议族</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="154"/>
        <location filename="../../ui/pane/settingspanel.py" line="461"/>
        <source>Recv size</source>
        <translation>接收大小</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="155"/>
        <location filename="../../ui/pane/settingspanel.py" line="262"/>
        <location filename="../../ui/pane/settingspanel.py" line="464"/>
        <source>Text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="157"/>
        <source>Socket options</source>
        <translation>套接字选项</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="164"/>
        <location filename="../../ui/pane/settingspanel.py" line="313"/>
        <location filename="../../ui/pane/settingspanel.py" line="462"/>
        <source>Multicast group</source>
        <translation>组播组</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="171"/>
        <location filename="../../ui/pane/settingspanel.py" line="316"/>
        <source>SO_RCVBUF</source>
        <translation>SO_RCVBUF</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="172"/>
        <location filename="../../ui/pane/settingspanel.py" line="317"/>
        <source>SO_SNDBUF</source>
        <translation>SO_SNDBUF</translation>
    </message>
    <message>
        <location filename="../../ui/pane/lifecycle.py" line="95"/>
        <location filename="../../ui/pane/settingspanel.py" line="173"/>
        <location filename="../../ui/pane/settingspanel.py" line="321"/>
        <source>Listen backlog</source>
        <translation>监听队列长度</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="175"/>
        <location filename="../../ui/pane/settingspanel.py" line="327"/>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="177"/>
        <location filename="../../ui/pane/settingspanel.py" line="333"/>
        <source>Slow reader delay</source>
        <translation>慢速读取延迟</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="179"/>
        <source>Network settings</source>
        <translation>网络设置</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="220"/>
        <source>Address family</source>
        <translation>地址族</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="221"/>
        <source>IPv4 (AF_INET), IPv6 (AF_INET6) or a Unix domain socket (AF_UNIX)</source>
        <translation>IPv4 (AF_INET)、IPv6 (AF_INET6) 或 Unix 域套接字 (AF_UNIX)</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="228"/>
        <source>Address to bind: one of this machine&apos;s addresses, 127.0.0.1 (this machine only) or 0.0.0.0 (all interfaces); a socket path for AF_UNIX</source>
        <translation>要绑定的地址：本机的某个地址、127.0.0.1（仅本机）或 0.0.0.0（所有网卡）；AF_UNIX 时为套接字路径</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="236"/>
        <source>Port to bind; 0 lets the system pick a free one (shown once started)</source>
        <translation>要绑定的端口；0 表示由系统选择空闲端口（启动后显示）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="242"/>
        <source>Address (or socket path) to connect or send to</source>
        <translation>要连接或发送到的地址（或套接字路径）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="248"/>
        <source>Port to connect or send to</source>
        <translation>要连接或发送到的端口</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="253"/>
        <source>Receive size</source>
        <translation>接收大小</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="255"/>
        <source>Bytes asked for per recv() call; each call&apos;s result is one row. Changes apply at once, also while running</source>
        <translation>每次调用 recv() 请求的字节数；每次调用的结果占一行。修改立即生效，运行中也可修改</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="263"/>
        <source>How bytes are drawn as text and how typed text is sent (UTF-8, GBK, ...)</source>
        <translation>字节如何显示为文本，以及输入的文本如何发送（UTF-8、GBK 等）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="268"/>
        <location filename="../../ui/pane/settingsstrip.py" line="48"/>
        <source>Start or stop</source>
        <translation>启动或停止</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="269"/>
        <source>Start or stop this session</source>
        <translation>启动或停止此会话</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="274"/>
        <source>TCP_NODELAY</source>
        <translation>TCP_NODELAY</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="276"/>
        <source>Turn Nagle&apos;s algorithm off: small sends leave at once instead of being coalesced. Applies at once, also while running</source>
        <translation>关闭 Nagle 算法：小数据立即发出，而不是合并后再发送。立即生效，运行中也可修改</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="284"/>
        <source>Allow binding a port that still has connections in TIME_WAIT</source>
        <translation>允许绑定仍有 TIME_WAIT 状态连接的端口</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="291"/>
        <source>Show each connection&apos;s kernel state (ESTABLISHED, TIME_WAIT...), its queues and the peer&apos;s state, in the Socket state panel and on the timeline</source>
        <translation>在“套接字状态”面板和时间线上显示每个连接的内核状态（ESTABLISHED、TIME_WAIT……）、队列以及对端的状态</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="300"/>
        <source>When the peer finishes sending (FIN), close our side too once our queued data is sent. Off: the connection stays half-open and we can still send</source>
        <translation>对端发送完毕 (FIN) 后，在我方排队的数据发送完时也关闭我方；关闭此项：连接保持半开，我方仍可发送</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="308"/>
        <source>Allow sending to a broadcast address</source>
        <translation>允许向广播地址发送</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="314"/>
        <source>Join this multicast group when the session starts</source>
        <translation>会话启动时加入此组播组</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="316"/>
        <source>Kernel receive buffer size</source>
        <translation>内核接收缓冲区大小</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="317"/>
        <source>Kernel send buffer size</source>
        <translation>内核发送缓冲区大小</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="322"/>
        <source>listen() backlog: connections the kernel queues before accept()</source>
        <translation>listen() 的 backlog：在 accept() 之前内核排队的连接数</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="328"/>
        <source>Give up connecting after this many seconds</source>
        <translation>超过这么多秒仍未连上则放弃</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="335"/>
        <source>Wait this long before each recv() so data piles up in the kernel: makes sticky packets (粘包) easy to see. Applies at once</source>
        <translation>每次 recv() 前等待这么长时间，让数据在内核中堆积：便于观察粘包现象。立即生效</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="450"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="465"/>
        <source>Framing</source>
        <translation>分帧</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="466"/>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="535"/>
        <source>Start listening</source>
        <translation>开始监听</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="535"/>
        <source>Stop listening</source>
        <translation>停止监听</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="536"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="536"/>
        <source>Disconnect</source>
        <translation>断开</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="537"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="537"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="538"/>
        <source>Start relay</source>
        <translation>启动中继</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingspanel.py" line="538"/>
        <source>Stop relay</source>
        <translation>停止中继</translation>
    </message>
</context>
<context>
    <name>SettingsStrip</name>
    <message>
        <location filename="../../ui/pane/settingsstrip.py" line="43"/>
        <source>Show settings</source>
        <translation>显示设置</translation>
    </message>
    <message>
        <location filename="../../ui/pane/settingsstrip.py" line="44"/>
        <source>Show this pane&apos;s settings column</source>
        <translation>显示此面板的设置栏</translation>
    </message>
</context>
<context>
    <name>SocketStatePanel</name>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="67"/>
        <source>Socket state</source>
        <extracomment>The smallest full scale of a queue gauge, in bytes (it grows with what it shows): small enough that a few short sends piling up are seen. Linux keeps a socket in TIME_WAIT for 60 s: the countdown bar&apos;s full scale.</extracomment>
        <translation>套接字状态</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="97"/>
        <source>Receive queue</source>
        <translation>接收队列</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="99"/>
        <source>Bytes the kernel holds for us that recv() has not taken yet (SIOCINQ): with a slow reader, several sends pile up here and come out as one chunk</source>
        <translation>内核已收到但 recv() 还没取走的字节（SIOCINQ）：读得慢时，多次发送会在这里堆积，然后作为一个块读出（粘包）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="105"/>
        <source>Send queue</source>
        <translation>发送队列</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="106"/>
        <source>Bytes handed to the kernel that the peer has not acknowledged (SIOCOUTQ)</source>
        <translation>已交给内核但对端尚未确认的字节（SIOCOUTQ）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="116"/>
        <source>TIME_WAIT</source>
        <translation>TIME_WAIT</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="118"/>
        <source>The side that closed first keeps the connection in TIME_WAIT for 60 s, so late segments cannot reach a new connection on the same ports; this is why a server restarted at once needs SO_REUSEADDR</source>
        <translation>先关闭的一方让连接在 TIME_WAIT 中保留 60 秒，使迟到的报文段不会进入相同端口上的新连接；这就是立即重启的服务器需要 SO_REUSEADDR 的原因</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="124"/>
        <source>Connection:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="125"/>
        <source>We:</source>
        <translation>本端：</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="126"/>
        <source>Peer:</source>
        <translation>对端：</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="127"/>
        <source>Receive queue:</source>
        <translation>接收队列：</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="128"/>
        <source>Send queue:</source>
        <translation>发送队列：</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="129"/>
        <source>Timing:</source>
        <translation>时延：</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="130"/>
        <source>Closed first:</source>
        <translation>先关闭：</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="131"/>
        <source>TIME_WAIT:</source>
        <translation>TIME_WAIT：</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="136"/>
        <source>Accept queue</source>
        <translation>全连接队列</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="138"/>
        <source>Connections the kernel has completed that accept() has not taken yet, against the listen backlog; when it is full, new connections wait or fail</source>
        <translation>内核已完成握手但 accept() 还没取走的连接数，与 listen 的 backlog 对比；队列满时，新连接会等待或失败</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="142"/>
        <source>Accept queue:</source>
        <translation>全连接队列：</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="145"/>
        <source>Wire: show the TCP segments</source>
        <translation>线路：显示 TCP 报文段</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="147"/>
        <source>Capture this pane&apos;s TCP segments on the loopback interface (SYN, ACK, FIN, RST with their numbers) for the timeline; needs root or CAP_NET_RAW</source>
        <translation>在回环接口上抓取本窗格的 TCP 报文段（SYN、ACK、FIN、RST 及其序号），显示在时间线上；需要 root 或 CAP_NET_RAW 权限</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="196"/>
        <source>{count} segments seen; the newest: {segment}</source>
        <translation>已看到 {count} 个报文段；最新的：{segment}</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="209"/>
        <source>No TCP connection yet</source>
        <translation>还没有 TCP 连接</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="231"/>
        <source>#{conn}  {local} ⇄ {peer}</source>
        <translation>#{conn}  {local} ⇄ {peer}</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="240"/>
        <source>unknown (not on this machine&apos;s loopback)</source>
        <translation>未知（不在本机回环上）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="246"/>
        <source>RTT {rtt} ms, {retrans} retransmitted</source>
        <translation>RTT {rtt} 毫秒，重传 {retrans} 次</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="255"/>
        <source>we did (our FIN went first)</source>
        <translation>本端（我们的 FIN 先发出）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="256"/>
        <source>the peer did</source>
        <translation>对端</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="257"/>
        <source>both at once</source>
        <translation>双方同时关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="264"/>
        <source>we</source>
        <translation>本端</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="264"/>
        <source>the peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="271"/>
        <source>{who}: {seconds} s left</source>
        <translation>{who}：还剩 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="284"/>
        <source>{n} B</source>
        <translation>{n} B</translation>
    </message>
    <message>
        <location filename="../../ui/pane/socketstate.py" line="300"/>
        <source>{queued} waiting, backlog {backlog}</source>
        <translation>{queued} 个等待，backlog {backlog}</translation>
    </message>
</context>
<context>
    <name>StatsBar</name>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="82"/>
        <source>The view keeps only the newest chunks; the counters still count everything</source>
        <translation>视图只保留最新的数据块；计数器仍统计全部数据</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="87"/>
        <source>accepting paused</source>
        <translation>已暂停接受连接</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="94"/>
        <location filename="../../ui/pane/statsbar.py" line="98"/>
        <source>Reset counters</source>
        <translation>复位计数</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="99"/>
        <source>Set the RX and TX byte and chunk counters back to zero</source>
        <translation>将接收和发送的字节数及数据块计数清零</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="180"/>
        <source>1 chunk</source>
        <translation>1 个数据块</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="181"/>
        <source>%1 chunks</source>
        <translation>%1 个数据块</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="187"/>
        <source>RX: %1 B (%2)  TX: %3 B (%4)</source>
        <translation>接收：%1 字节（%2）  发送：%3 字节（%4）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="203"/>
        <source>Listening on %1</source>
        <translation>正在监听 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="205"/>
        <source>Connected (local %1)</source>
        <translation>已连接（本地 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="207"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="208"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="209"/>
        <source>Listening</source>
        <translation>正在监听</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="210"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="211"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="212"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="213"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="214"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="239"/>
        <source>1 byte</source>
        <translation>1 字节</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="241"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location filename="../../ui/pane/statsbar.py" line="244"/>
        <source>dropped from view: %1, %2</source>
        <translation>已从视图移除：%1，%2</translation>
    </message>
</context>
<context>
    <name>StreamView</name>
    <message>
        <location filename="../../ui/receive/streamview.py" line="131"/>
        <source>Received stream</source>
        <extracomment>Data bytes of the newest chunks the stream view draws by default; it rebuilds its whole HTML on a change, so it stays small (the log keeps the rest). Milliseconds between two rebuilds at least (~5 per second at most). Background of even and odd bands in a light window (light amber, light blue); a dark window gets ``logcolors.DARK.stream_bands``. The glyph and colour that mark a boundary between two chunks. A rebuild that took t seconds waits at least this many times t before the next, so the view never takes more than a fifth of the GUI thread, however slow the machine.</extracomment>
        <translation>接收的数据流</translation>
    </message>
    <message>
        <location filename="../../ui/receive/streamview.py" line="134"/>
        <source>The newest chunks back to back; each colour band is one recv() or send. Hover over a band for its chunk number, size and time.</source>
        <translation>首尾相接显示的最新数据块；每个色带是一次 recv() 或发送。鼠标悬停在色带上可查看数据块编号、大小和时间。</translation>
    </message>
    <message>
        <location filename="../../ui/receive/streamview.py" line="162"/>
        <source>{bands} each colour band is one recv() (or send); {mark} marks a boundary; {special} is a control byte.</source>
        <translation>{bands} 每个色带是一次 recv()（或发送）；{mark} 标记边界；{special} 表示控制字节。</translation>
    </message>
    <message>
        <location filename="../../ui/receive/streamview.py" line="293"/>
        <source>{dir} chunk {seq}, {length} bytes, {time}</source>
        <translation>{dir}数据块 {seq}，{length} 字节，{time}</translation>
    </message>
    <message>
        <location filename="../../ui/receive/streamview.py" line="297"/>
        <source>(last {count} bytes shown)</source>
        <translation>（显示最后 {count} 字节）</translation>
    </message>
</context>
<context>
    <name>TemplateBox</name>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="55"/>
        <source>Packet template</source>
        <translation>报文模板</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="56"/>
        <source>A frame described as fields: build sends from it, decode replies with it</source>
        <translation>用字段描述的帧：用它生成发送内容，用它解析回复</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="61"/>
        <source>Build and send…</source>
        <translation>生成并发送…</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="62"/>
        <source>Edit the fields&apos; values in a grid and send the message</source>
        <translation>在表格中编辑各字段的值并发送消息</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="66"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="66"/>
        <source>Describe a new frame</source>
        <translation>描述一个新的帧</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="70"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="71"/>
        <source>Change the fields (a built-in template is copied first)</source>
        <translation>修改字段（内置模板会先复制一份）</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="76"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="77"/>
        <source>Delete this template from the pane</source>
        <translation>从本窗格删除这个模板</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="82"/>
        <source>Decode received messages with it</source>
        <translation>用它解析收到的消息</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="84"/>
        <source>Show a column per field in the message view and colour the fields in the hex dump of the selected chunk</source>
        <translation>在消息视图中为每个字段显示一列，并在所选数据块的十六进制转储中按字段着色</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="91"/>
        <source>The message view needs a framing that cuts whole messages (for example fixed length 12); the hex dump of the selected chunk is coloured either way.</source>
        <translation>消息视图需要一个能切出完整消息的分帧方式（例如固定长度 12）；所选数据块的十六进制转储无论如何都会按字段着色。</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="157"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="189"/>
        <source>the session is not running; nothing was sent</source>
        <translation>会话未运行；未发送任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="192"/>
        <source>no client is connected; nothing was sent</source>
        <translation>没有已连接的客户端；未发送任何内容</translation>
    </message>
    <message>
        <location filename="../../ui/templates/templatebox.py" line="200"/>
        <source>sent %1 bytes</source>
        <translation>已发送 %1 字节</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <location filename="../../ui/templates/editor.py" line="74"/>
        <source>Edit packet template</source>
        <translation>编辑报文模板</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="78"/>
        <source>Template name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="79"/>
        <source>What the template is called in the list; unique in the pane</source>
        <translation>模板在列表中的名称；在本窗格中唯一</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="84"/>
        <source>Template description</source>
        <translation>模板说明</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="85"/>
        <source>One line saying what the frame is for</source>
        <translation>用一行话说明这个帧的用途</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="90"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="91"/>
        <source>The frame&apos;s fields in wire order; double-click a cell to change it</source>
        <translation>帧的各字段，按线上顺序；双击单元格修改</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="95"/>
        <location filename="../../ui/templates/editor.py" line="136"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="96"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="97"/>
        <source>Byte order</source>
        <translation>字节序</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="98"/>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="99"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="100"/>
        <source>Enum names</source>
        <translation>枚举名</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="101"/>
        <source>Bits</source>
        <translation>位段</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="102"/>
        <source>Covers</source>
        <translation>覆盖范围</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="103"/>
        <source>Checksum</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="112"/>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="113"/>
        <source>Keep the template (possible once it describes a frame)</source>
        <translation>保存模板（模板能描述一个帧后才可保存）</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="115"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="115"/>
        <source>Close without changing the template</source>
        <translation>关闭且不修改模板</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="122"/>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="123"/>
        <source>Add a field after the selected one</source>
        <translation>在所选字段后添加一个字段</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="125"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="125"/>
        <source>Remove the selected field</source>
        <translation>删除所选字段</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="126"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="126"/>
        <source>Move the selected field earlier</source>
        <translation>将所选字段上移</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="127"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="127"/>
        <source>Move the selected field later</source>
        <translation>将所选字段下移</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="137"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="242"/>
        <source>%1: the size must be a whole number, not %2</source>
        <translation>%1：大小必须是整数，而不是 %2</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="255"/>
        <source>%1: %2 is not a name and a number, like a=1 or a:4</source>
        <translation>%1：%2 不是“名称和数字”的形式，例如 a=1 或 a:4</translation>
    </message>
    <message>
        <location filename="../../ui/templates/editor.py" line="280"/>
        <source>give the template a name</source>
        <translation>请给模板起个名字</translation>
    </message>
</context>
<context>
    <name>TemplateGrid</name>
    <message>
        <location filename="../../ui/templates/grid.py" line="61"/>
        <source>Field values</source>
        <translation>字段值</translation>
    </message>
    <message>
        <location filename="../../ui/templates/grid.py" line="62"/>
        <source>Type a value in the Value column; the bytes below follow</source>
        <translation>在“值”列中输入，下方的字节随之更新</translation>
    </message>
    <message>
        <location filename="../../ui/templates/grid.py" line="65"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/templates/grid.py" line="65"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/templates/grid.py" line="65"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/templates/grid.py" line="65"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/templates/grid.py" line="75"/>
        <source>Message bytes</source>
        <translation>消息字节</translation>
    </message>
    <message>
        <location filename="../../ui/templates/grid.py" line="76"/>
        <source>The message as it goes on the wire, lengths and checksums computed</source>
        <translation>消息在线上的样子，长度和校验已算好</translation>
    </message>
    <message>
        <location filename="../../ui/templates/grid.py" line="98"/>
        <source>%1, length</source>
        <translation>%1，长度</translation>
    </message>
    <message>
        <location filename="../../ui/templates/grid.py" line="178"/>
        <source>%1 value(s) to fix before the message can be built</source>
        <translation>还有 %1 个值需要修正才能生成消息</translation>
    </message>
    <message>
        <location filename="../../ui/templates/grid.py" line="184"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
</context>
<context>
    <name>TemplateSendDialog</name>
    <message>
        <location filename="../../ui/templates/senddialog.py" line="35"/>
        <source>Packet template: %1</source>
        <translation>报文模板：%1</translation>
    </message>
    <message>
        <location filename="../../ui/templates/senddialog.py" line="41"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/templates/senddialog.py" line="41"/>
        <source>Send this message into the pane</source>
        <translation>把这条消息发送到本窗格</translation>
    </message>
    <message>
        <location filename="../../ui/templates/senddialog.py" line="45"/>
        <source>To send box</source>
        <translation>放入发送框</translation>
    </message>
    <message>
        <location filename="../../ui/templates/senddialog.py" line="46"/>
        <source>Put the message&apos;s bytes into the send box as hex</source>
        <translation>把消息字节以十六进制放入发送框</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message numerus="yes">
        <location filename="../../ui/timeline/canvas.py" line="295"/>
        <source>%n older steps dropped</source>
        <extracomment>Real time axis: pixels per second, in rows (a 100 ms gap is one row). Compressed axis: a pause at least this long (seconds) is marked where it was collapsed.</extracomment>
        <translation>
            <numerusform>已丢弃 %n 个较早的步骤</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/timeline/canvas.py" line="362"/>
        <source>%1 s later</source>
        <translation>%1 秒后</translation>
    </message>
</context>
<context>
    <name>TimelineHook</name>
    <message>
        <location filename="../../ui/timeline/panehook.py" line="75"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/panehook.py" line="77"/>
        <source>Show the session as a sequence diagram beside the log: every connect, accept, send, recv, FIN and RST as an arrow, a send linked to the recvs that delivered its bytes</source>
        <translation>在日志旁以时序图显示会话：每次连接、accept、发送、recv、FIN 和 RST 都是一个箭头，一次发送与交付其字节的各次 recv 相连</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="59"/>
        <source>Peer lifelines</source>
        <extracomment>Playback speeds offered (×). Compressed axis: time per step at 1×; real axis: bounds of the wait between two steps.</extracomment>
        <translation>对端生命线</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="60"/>
        <source>Draw every peer (a server&apos;s clients side by side) or only one of them</source>
        <translation>画出所有对端（服务器的各个客户端并排），或只画其中一个</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="61"/>
        <source>All peers</source>
        <translation>所有对端</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="66"/>
        <source>Time axis</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="68"/>
        <source>Compressed: one row per call, gaps collapsed. Real: the space between two calls follows the time between them</source>
        <translation>压缩：每个调用一行，省去空闲间隔。真实：两个调用之间的距离与它们之间的时间成比例</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="71"/>
        <source>Compressed</source>
        <translation>压缩</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="71"/>
        <source>Real time</source>
        <translation>真实时间</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="75"/>
        <source>◀ Step</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="75"/>
        <source>Go back one call (Left arrow)</source>
        <translation>后退一个调用（左方向键）</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="78"/>
        <source>Step ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="78"/>
        <source>Show the next call (Right arrow)</source>
        <translation>显示下一个调用（右方向键）</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="82"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="84"/>
        <source>Replay the calls one by one (Space): from the start, or from where you stepped to</source>
        <translation>逐个回放调用（空格键）：从头开始，或从单步停下的地方继续</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="90"/>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="91"/>
        <source>How fast Play goes: 1× is real time on the real axis</source>
        <translation>播放的快慢：在真实时间轴上 1× 即实际速度</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="97"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="97"/>
        <source>Show every call as it happens</source>
        <translation>随时显示发生的每个调用</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="101"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="102"/>
        <source>Save the diagram as SVG (slides), Mermaid text (.mmd) or JSON</source>
        <translation>将时序图保存为 SVG（用于幻灯片）、Mermaid 文本（.mmd）或 JSON</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="269"/>
        <source>call %1 of %2</source>
        <translation>第 %1 个调用，共 %2 个</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="286"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="288"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="294"/>
        <source>SVG picture (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="295"/>
        <source>Mermaid sequence diagram (*.mmd)</source>
        <translation>Mermaid 时序图 (*.mmd)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="296"/>
        <source>JSON steps (*.json)</source>
        <translation>JSON 步骤 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline/timelineview.py" line="299"/>
        <source>Export timeline</source>
        <translation>导出时间线</translation>
    </message>
</context>
<context>
    <name>TlsBox</name>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="58"/>
        <source>TLS toward the server</source>
        <extracomment>The minimum-version choices, as stored (``&quot;&quot;`` is the library&apos;s default).</extracomment>
        <translation>面向服务器的 TLS</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="58"/>
        <source>TLS toward clients</source>
        <translation>面向客户端的 TLS</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="61"/>
        <location filename="../../ui/pane/tlsbox.py" line="267"/>
        <location filename="../../ui/pane/tlsbox.py" line="276"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="86"/>
        <location filename="../../ui/pane/tlsbox.py" line="164"/>
        <source>Certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="87"/>
        <source>PEM certificate (its chain may follow; the key may be in the same file)</source>
        <translation>PEM 证书（可附带证书链；私钥可在同一文件中）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="89"/>
        <source>Client certificate (PEM), only if the server asks for one</source>
        <translation>客户端证书（PEM），仅当服务器要求时需要</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="94"/>
        <location filename="../../ui/pane/tlsbox.py" line="165"/>
        <source>Private key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="95"/>
        <source>PEM private key, unless it is in the certificate file</source>
        <translation>PEM 私钥（若已包含在证书文件中则不需要）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="100"/>
        <location filename="../../ui/pane/tlsbox.py" line="169"/>
        <location filename="../../ui/pane/tlsbox.py" line="170"/>
        <location filename="../../ui/pane/tlsbox.py" line="270"/>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="101"/>
        <source>CA certificates (PEM): clients must present a certificate they signed</source>
        <translation>CA 证书（PEM）：客户端必须出示由其签发的证书</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="103"/>
        <source>CA certificates (PEM) the server&apos;s certificate must chain to</source>
        <translation>服务器证书必须链接到的 CA 证书（PEM）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="106"/>
        <location filename="../../ui/pane/tlsbox.py" line="108"/>
        <source>Use the system&apos;s CA store</source>
        <translation>使用系统 CA 证书库</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="109"/>
        <source>Trust the CAs this system trusts instead of a CA file</source>
        <translation>信任本系统信任的 CA，而不是 CA 文件</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="113"/>
        <source>Require a client certificate</source>
        <translation>要求客户端证书</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="115"/>
        <source>Verify the server&apos;s certificate</source>
        <translation>验证服务器证书</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="118"/>
        <location filename="../../ui/pane/tlsbox.py" line="275"/>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="119"/>
        <source>With a CA file: refuse clients without a certificate it signed</source>
        <translation>设置 CA 文件时：拒绝没有其签发证书的客户端</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="121"/>
        <source>Check the certificate&apos;s CA, dates and host name; off is insecure</source>
        <translation>检查证书的 CA、有效期和主机名；关闭则不安全</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="130"/>
        <source>Server name (SNI)</source>
        <translation>服务器名称（SNI）</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="131"/>
        <source>Name sent to the server and checked in its certificate</source>
        <translation>发送给服务器并在其证书中检查的名称</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="133"/>
        <source>the remote host</source>
        <translation>远程主机</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="137"/>
        <source>ALPN protocols</source>
        <translation>ALPN 协议</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="138"/>
        <source>Application protocols, comma-separated, e.g. h2, http/1.1</source>
        <translation>应用层协议，逗号分隔，例如 h2, http/1.1</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="140"/>
        <source>e.g. h2, http/1.1</source>
        <translation>例如 h2, http/1.1</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="144"/>
        <source>Minimum TLS version</source>
        <translation>最低 TLS 版本</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="145"/>
        <source>The lowest TLS version this side accepts</source>
        <translation>本端接受的最低 TLS 版本</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="148"/>
        <source>library default</source>
        <translation>库默认值</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="152"/>
        <location filename="../../ui/pane/tlsbox.py" line="154"/>
        <location filename="../../ui/pane/tlsbox.py" line="274"/>
        <source>Generate a self-signed certificate</source>
        <translation>生成自签名证书</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="156"/>
        <source>Make a certificate for localhost, 127.0.0.1 and ::1 at start (30 days); its SHA-256 fingerprint is shown in the log</source>
        <translation>启动时为 localhost、127.0.0.1 和 ::1 生成证书（30 天有效）；其 SHA-256 指纹显示在日志中</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="164"/>
        <location filename="../../ui/pane/tlsbox.py" line="268"/>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="165"/>
        <location filename="../../ui/pane/tlsbox.py" line="269"/>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="169"/>
        <location filename="../../ui/pane/tlsbox.py" line="270"/>
        <source>Client CA</source>
        <translation>客户端 CA</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="175"/>
        <location filename="../../ui/pane/tlsbox.py" line="271"/>
        <source>SNI</source>
        <translation>SNI</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="176"/>
        <location filename="../../ui/pane/tlsbox.py" line="272"/>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="177"/>
        <location filename="../../ui/pane/tlsbox.py" line="273"/>
        <source>Min. version</source>
        <translation>最低版本</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="212"/>
        <source>Certificates and keys (*.pem *.crt *.key *.cer);;All files (*)</source>
        <translation>证书和私钥 (*.pem *.crt *.key *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsbox.py" line="283"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>TlsStatus</name>
    <message>
        <location filename="../../ui/pane/tlsstatus.py" line="44"/>
        <source>rows are TLS records as read, not TCP segments</source>
        <extracomment>What the newest handshake agreed, by leg (&quot;&quot; outside a relay), and its message.</extracomment>
        <translation>每行是读取到的 TLS 记录，而不是 TCP 报文段</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsstatus.py" line="74"/>
        <source>TLS: %1, %2, peer %3</source>
        <translation>TLS：%1，%2，对端 %3</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsstatus.py" line="67"/>
        <source>without certificate</source>
        <translation>无证书</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsstatus.py" line="70"/>
        <source>TLS client leg: %1, %2, peer %3</source>
        <translation>TLS 客户端侧：%1，%2，对端 %3</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsstatus.py" line="72"/>
        <source>TLS server leg: %1, %2, peer %3</source>
        <translation>TLS 服务器侧：%1，%2，对端 %3</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsstatus.py" line="88"/>
        <source>TLS on</source>
        <translation>TLS 已开启</translation>
    </message>
    <message>
        <location filename="../../ui/pane/tlsstatus.py" line="91"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>ToolSections</name>
    <message>
        <location filename="../../ui/pane/toolsections.py" line="51"/>
        <source>Traffic generator</source>
        <extracomment>The message view&apos;s data column while template fields have their own columns. Least widths of a field column, and of one whose values have names.</extracomment>
        <translation>流量发生器</translation>
    </message>
    <message>
        <location filename="../../ui/pane/toolsections.py" line="52"/>
        <source>Send the send box&apos;s message at a set rate, in messages or bytes a second</source>
        <translation>按设定速率（每秒消息数或字节数）发送发送框中的消息</translation>
    </message>
    <message>
        <location filename="../../ui/pane/toolsections.py" line="57"/>
        <source>Packet templates</source>
        <translation>报文模板</translation>
    </message>
    <message>
        <location filename="../../ui/pane/toolsections.py" line="58"/>
        <source>Describe a frame as fields: build sends in a grid, decode replies</source>
        <translation>用字段描述帧：在表格中生成发送内容，并解析回复</translation>
    </message>
    <message>
        <location filename="../../ui/pane/toolsections.py" line="63"/>
        <source>Rate graph</source>
        <translation>速率图</translation>
    </message>
    <message>
        <location filename="../../ui/pane/toolsections.py" line="64"/>
        <source>Bytes and chunks per second received and sent, over the last minute</source>
        <translation>最近一分钟每秒收发的字节数和块数</translation>
    </message>
</context>
<context>
    <name>ViewControls</name>
    <message>
        <location filename="../../ui/viewcontrols.py" line="88"/>
        <source>Zoom &amp;in</source>
        <extracomment>How much larger presentation mode draws everything, on top of the user&apos;s zoom. Pane titles in presentation mode, relative to the (zoomed) application font.</extracomment>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="90"/>
        <source>Larger text in the whole window</source>
        <translation>放大整个窗口的文字</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="95"/>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="97"/>
        <source>Smaller text in the whole window</source>
        <translation>缩小整个窗口的文字</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="101"/>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="103"/>
        <source>Text at its normal size (100 %)</source>
        <translation>文字恢复正常大小 (100 %)</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="107"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="110"/>
        <source>For a projector: large text, high contrast, pane titles; hides the settings columns and toolbars (F11 again to leave)</source>
        <translation>用于投影：大字、高对比度、显示面板标题；隐藏设置栏和工具栏（再按 F11 退出）</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="121"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="126"/>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="126"/>
        <source>Light or dark, as the system is</source>
        <translation>浅色或深色，与系统一致</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="127"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="127"/>
        <source>Dark text on a light background</source>
        <translation>浅色背景上的深色文字</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="128"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="128"/>
        <source>Light text on a dark background</source>
        <translation>深色背景上的浅色文字</translation>
    </message>
    <message>
        <location filename="../../ui/viewcontrols.py" line="185"/>
        <source>Zoom: %1 %</source>
        <translation>缩放：%1 %</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../qt/coremessages.py" line="57"/>
        <source>a burst needs a count of 1 or more; it cannot run until stopped</source>
        <translation>突发发送的次数必须至少为 1；突发不能一直运行到停止</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="58"/>
        <source>a burst of {count} messages is too many; the limit is {limit}</source>
        <translation>突发发送 {count} 条消息太多；上限为 {limit}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="59"/>
        <source>a burst of {count} × {size} bytes is {total} bytes; the limit is {limit} MiB</source>
        <translation>突发发送 {count} × {size} 字节共 {total} 字节；上限为 {limit} MiB</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="65"/>
        <source>a client number starts at 1, not {conn}</source>
        <translation>客户端编号从 1 开始，不能是 {conn}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="81"/>
        <source>a profile named {name!r} already exists</source>
        <translation>名为 {name!r} 的配置方案已存在</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="86"/>
        <source>a socket path cannot contain a NUL character</source>
        <translation>套接字路径不能包含 NUL 字符</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="96"/>
        <source>a unix client needs the socket path to connect to</source>
        <translation>Unix 客户端需要填写要连接的套接字路径</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="98"/>
        <source>a unix server needs a socket path to bind</source>
        <translation>Unix 服务器需要填写要绑定的套接字路径</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="102"/>
        <source>aborted with RST</source>
        <translation>已用 RST 中止连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="103"/>
        <source>aborted with RST; {unsent} queued bytes were discarded unsent</source>
        <translation>已用 RST 中止连接；排队的 {unsent} 字节未发送即被丢弃</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="105"/>
        <source>accepted {peer} as client #{conn}</source>
        <translation>已接受 {peer} 为客户端 #{conn}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="109"/>
        <source>address family {family} is not supported on this system</source>
        <translation>本系统不支持地址族 {family}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="110"/>
        <source>address {where} is not an address of this machine — choose one of its interface addresses, 127.0.0.1, or 0.0.0.0 for all</source>
        <translation>地址 {where} 不是本机的地址 — 请选择本机某个网卡的地址、127.0.0.1，或用 0.0.0.0 表示全部</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="111"/>
        <source>all clients</source>
        <translation>所有客户端</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="112"/>
        <source>an address is needed</source>
        <translation>需要填写地址</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="122"/>
        <source>auto_reply escapes must be true or false</source>
        <translation>auto_reply 的 escapes 必须为 true 或 false</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="123"/>
        <source>auto_reply must be an object, not {type}</source>
        <translation>auto_reply 必须是对象，而不是 {type}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="124"/>
        <source>auto_reply {name} must be text, not {type}</source>
        <translation>auto_reply 的 {name} 必须是文本，而不是 {type}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="126"/>
        <source>bad escape &apos;\&apos; before {char} at position {position}; use \r \n \t \0 \xNN or \\</source>
        <translation>位置 {position} 处 {char} 前有无效的转义 &apos;\&apos;；请使用 \r \n \t \0 \xNN 或 \\</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="127"/>
        <source>bad escape &apos;\{code}&apos; at position {position}; use \r \n \t \0 \xNN or \\</source>
        <translation>位置 {position} 处有无效的转义 &apos;\{code}&apos;；请使用 \r \n \t \0 \xNN 或 \\</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="130"/>
        <source>bound to an unnamed socket</source>
        <translation>已绑定到未命名的套接字</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="131"/>
        <source>bound to {local}</source>
        <translation>已绑定到 {local}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="132"/>
        <source>broadcast and multicast are for UDP sessions</source>
        <translation>广播和组播仅适用于 UDP 会话</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="133"/>
        <source>broadcast and multicast need inet or inet6, not unix</source>
        <translation>广播和组播需要 inet 或 inet6 地址族，不能是 unix</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="134"/>
        <source>burst must be &apos;none&apos;, &apos;one_call&apos; or &apos;back_to_back&apos;, not {burst!r}</source>
        <translation>burst 必须是 &apos;none&apos;、&apos;one_call&apos; 或 &apos;back_to_back&apos;，而不是 {burst!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="135"/>
        <source>burst send cancelled after {sent} of {count} sent</source>
        <translation>突发发送已取消，已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="136"/>
        <source>burst send stopped after {sent} of {count} sent: {reason}</source>
        <translation>突发发送已停止，已发送 {sent}/{count}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="137"/>
        <source>burst send to {peer} stopped after {sent} of {count} sent: {reason}</source>
        <translation>到 {peer} 的突发发送已停止，已发送 {sent}/{count}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="138"/>
        <source>burst send: done, {sent} of {count} sent</source>
        <translation>突发发送：完成，已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="139"/>
        <source>burst send: {sent} of {count} sent</source>
        <translation>突发发送：已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="142"/>
        <source>cannot bind {where}: {reason}</source>
        <translation>无法绑定 {where}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="144"/>
        <source>cannot connect to {where} — the address is not valid for this machine&apos;s network</source>
        <translation>无法连接到 {where} — 该地址对本机网络无效</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="145"/>
        <source>cannot connect to {where}: {reason}</source>
        <translation>无法连接到 {where}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="146"/>
        <source>cannot create profile folder {path}: {reason}</source>
        <translation>无法创建配置方案文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="147"/>
        <source>cannot create socket {where} — its folder does not exist</source>
        <translation>无法创建套接字 {where} — 其所在文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="148"/>
        <source>cannot delete profile file {path}: {reason}</source>
        <translation>无法删除配置方案文件 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="149"/>
        <source>cannot find a free file name for profile {name!r} in {folder}</source>
        <translation>在 {folder} 中找不到可用于配置方案 {name!r} 的文件名</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="150"/>
        <source>cannot join multicast group {group}: {reason}</source>
        <translation>无法加入组播组 {group}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="151"/>
        <source>cannot leave multicast group {group}: {reason}</source>
        <translation>无法退出组播组 {group}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="152"/>
        <source>cannot listen: {reason}</source>
        <translation>无法监听：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="154"/>
        <source>cannot open the UDP socket: {reason}</source>
        <translation>无法打开 UDP 套接字：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="155"/>
        <source>cannot open {path} for writing: {reason}</source>
        <translation>无法以写入方式打开 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="157"/>
        <source>cannot read profile file {path}: {reason}</source>
        <translation>无法读取配置方案文件 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="158"/>
        <source>cannot read profile folder {path}: {reason}</source>
        <translation>无法读取配置方案文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="159"/>
        <source>cannot read schema {version} (no upgrade to schema {next} exists)</source>
        <translation>无法读取格式版本 {version}（没有升级到格式版本 {next} 的方法）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="161"/>
        <source>cannot read {path}: {reason}; file send to {peer} stopped after {sent} of {total} bytes</source>
        <translation>无法读取 {path}：{reason}；到 {peer} 的文件发送已停止，已发送 {sent}/{total} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="162"/>
        <source>cannot read {path}: {reason}; nothing was sent</source>
        <translation>无法读取 {path}：{reason}；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="163"/>
        <source>cannot resolve host name {host!r}: {reason} — check the spelling or use an IP address</source>
        <translation>无法解析主机名 {host!r}：{reason} — 请检查拼写或改用 IP 地址</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="164"/>
        <source>cannot send to {peer}: permission denied — a broadcast address needs the broadcast option</source>
        <translation>无法发送到 {peer}：权限被拒绝 — 向广播地址发送需要开启广播选项</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="165"/>
        <source>cannot send: not connected to {remote}; nothing was sent</source>
        <translation>无法发送：未连接到 {remote}；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="166"/>
        <source>cannot send: still connecting to {remote}; nothing was sent</source>
        <translation>无法发送：仍在连接 {remote}；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="167"/>
        <source>cannot send: the connection to {peer} is closed for sending; nothing was sent</source>
        <translation>无法发送：到 {peer} 的连接已关闭发送方向；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="168"/>
        <source>cannot set socket options: {reason}</source>
        <translation>无法设置套接字选项：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="169"/>
        <source>cannot upgrade from schema {version}: {error}</source>
        <translation>无法从格式版本 {version} 升级：{error}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="171"/>
        <source>cannot write profile file {path}: {reason}</source>
        <translation>无法写入配置方案文件 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="172"/>
        <source>cannot write to {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="173"/>
        <source>cannot {action} ({peer}): {reason}</source>
        <translation>无法{action}（{peer}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="174"/>
        <source>cannot {action}: network unreachable for {peer}</source>
        <translation>无法{action}：到 {peer} 的网络不可达</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="175"/>
        <source>cannot {action}: the connection to {peer} is closed</source>
        <translation>无法{action}：到 {peer} 的连接已关闭</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="176"/>
        <source>cannot {action}: the datagram is too large for {peer}</source>
        <translation>无法{action}：数据报对 {peer} 来说太大</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="177"/>
        <source>character {char} at position {position} cannot be encoded as {encoding}</source>
        <translation>位置 {position} 处的字符 {char} 无法编码为 {encoding}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="181"/>
        <source>client #{conn} is no longer connected; nothing was sent</source>
        <translation>客户端 #{conn} 已不再连接；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="182"/>
        <source>client #{conn} is no longer connected; {what}</source>
        <translation>客户端 #{conn} 已不再连接；{what}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="188"/>
        <source>connected to {remote} from an unnamed socket</source>
        <translation>已从未命名的套接字连接到 {remote}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="189"/>
        <source>connected to {remote} from {local}</source>
        <translation>已从 {local} 连接到 {remote}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="190"/>
        <source>connecting to {remote}</source>
        <translation>正在连接 {remote}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="191"/>
        <source>connecting to {where} timed out after {seconds:g} s — the host did not answer; check the address and any firewall</source>
        <translation>连接 {where} 在 {seconds:g} 秒后超时 — 主机没有响应；请检查地址和防火墙</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="192"/>
        <source>connecting to {where} timed out — the host did not answer</source>
        <translation>连接 {where} 超时 — 主机没有响应</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="193"/>
        <source>connection refused by {where} — no server is listening on that socket</source>
        <translation>连接被 {where} 拒绝 — 该套接字上没有服务器在监听</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="194"/>
        <source>connection refused by {where} — nothing is listening there</source>
        <translation>连接被 {where} 拒绝 — 该地址上没有程序在监听</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="196"/>
        <source>connection reset by {peer} (RST)</source>
        <translation>连接被 {peer} 复位 (RST)</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="197"/>
        <source>connection reset by {where} (RST) as soon as it was accepted</source>
        <translation>连接刚被接受就被 {where} 复位 (RST)</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="198"/>
        <source>contains a lone surrogate character, which UTF-8 cannot store</source>
        <translation>包含单独的代理字符，UTF-8 无法存储</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="199"/>
        <source>count must be 0 (send until stopped) or more, not {count}</source>
        <translation>次数必须为 0（一直发送直到停止）或更大，不能是 {count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="201"/>
        <source>datagram of {size} bytes is too large to send to {peer} (the limit is {limit} bytes); nothing was sent — split the data or send a file with a smaller datagram size</source>
        <translation>{size} 字节的数据报太大，无法发送到 {peer}（上限为 {limit} 字节）；未发送任何数据 — 请拆分数据，或以更小的数据报大小发送文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="203"/>
        <source>direction must be rx, tx or both, not {direction!r}</source>
        <translation>方向必须是 rx、tx 或 both，而不是 {direction!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="204"/>
        <source>disconnected from {peer}</source>
        <translation>已与 {peer} 断开</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="205"/>
        <source>disconnected from {peer} (session stopped)</source>
        <translation>已与 {peer} 断开（会话已停止）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="207"/>
        <source>empty &apos;{token}&apos; prefix at position {position}</source>
        <translation>位置 {position} 处的前缀 &apos;{token}&apos; 后没有数字</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="208"/>
        <source>empty delimiter</source>
        <translation>分隔符为空</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="237"/>
        <source>file send to {peer} cancelled after {sent} of {total} bytes</source>
        <translation>到 {peer} 的文件发送已取消，已发送 {sent}/{total} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="238"/>
        <source>file send to {peer} stopped after {sent} of {total} bytes: {reason}</source>
        <translation>到 {peer} 的文件发送已停止，已发送 {sent}/{total} 字节：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="239"/>
        <source>file send to {peer}: {sent} of {total} bytes</source>
        <translation>到 {peer} 的文件发送：{sent}/{total} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="240"/>
        <source>file {name} sent to {peer}: {sent} bytes</source>
        <translation>文件 {name} 已发送到 {peer}：{sent} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="241"/>
        <source>fixed length must be a whole number of bytes from 1 to {largest}</source>
        <translation>固定长度必须是 1 到 {largest} 之间的整数字节数</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="247"/>
        <source>host name mismatch: we expected {expected}, the certificate of {peer} is for {found}; connect by one of those names or set the SNI name ({sni})</source>
        <translation>主机名不匹配：期望 {expected}，而 {peer} 的证书适用于 {found}；请用其中一个名称连接，或设置 SNI 名称（{sni}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="248"/>
        <source>host unreachable: {where} — check the address and any firewall</source>
        <translation>主机不可达：{where} — 请检查地址和防火墙</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="249"/>
        <source>incomplete \x escape at position {position}; write two hex digits, like \x0d</source>
        <translation>位置 {position} 处的 \x 转义不完整；请写两位十六进制数，如 \x0d</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="251"/>
        <source>invalid hex character {char} at position {position}</source>
        <translation>位置 {position} 处有无效的十六进制字符 {char}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="252"/>
        <source>invalid regular expression: {error}</source>
        <translation>无效的正则表达式：{error}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="256"/>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="258"/>
        <source>is {length} characters long; the limit is {limit}</source>
        <translation>长度为 {length} 个字符；上限为 {limit}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="262"/>
        <source>joined multicast group {group}</source>
        <translation>已加入组播组 {group}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="267"/>
        <source>key {key} is not a string</source>
        <translation>键 {key} 不是字符串</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="268"/>
        <source>left multicast group {group}</source>
        <translation>已退出组播组 {group}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="270"/>
        <source>length framing needs a struct format, e.g. length:!I or length:&lt;H</source>
        <translation>长度前缀分帧需要 struct 格式，例如 length:!I 或 length:&lt;H</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="273"/>
        <source>length {value} ({payload}-byte payload) exceeds the maximum {limit} bytes</source>
        <translation>长度 {value}（有效载荷 {payload} 字节）超过最大值 {limit} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="274"/>
        <source>length {value} does not fit the {fmt!r} header (largest is {largest})</source>
        <translation>长度 {value} 超出 {fmt!r} 长度头的范围（最大为 {largest}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="275"/>
        <source>length {value} exceeds the maximum {limit} bytes</source>
        <translation>长度 {value} 超过最大值 {limit} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="276"/>
        <source>length {value} is negative</source>
        <translation>长度 {value} 为负数</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="277"/>
        <source>length {value} is smaller than the {header}-byte header</source>
        <translation>长度 {value} 小于 {header} 字节的长度头</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="281"/>
        <source>listening on {local}</source>
        <translation>正在监听 {local}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="282"/>
        <source>log format must be text, csv or jsonl, not {fmt!r}</source>
        <translation>日志格式必须是 text、csv 或 jsonl，而不是 {fmt!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="283"/>
        <source>lone &apos;\&apos; at end of text at position {position}; write \\ for a backslash</source>
        <translation>位置 {position} 处（文本末尾）有单独的 &apos;\&apos;；反斜杠请写作 \\</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="293"/>
        <source>must be &quot;text&quot; or &quot;hex&quot;</source>
        <translation>必须是 &quot;text&quot; 或 &quot;hex&quot;</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="295"/>
        <source>must be a JSON list</source>
        <translation>必须是 JSON 列表</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="296"/>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="304"/>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="305"/>
        <source>must be a string, not {value}</source>
        <translation>必须是字符串，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="310"/>
        <source>must be a whole number, not {value!r}</source>
        <translation>必须是整数，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="311"/>
        <source>must be a whole number, not {value}</source>
        <translation>必须是整数，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="312"/>
        <source>must be between 0 and 600 seconds</source>
        <translation>必须在 0 到 600 秒之间</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="315"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="318"/>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="319"/>
        <source>must not contain control characters ({char!r} at position {position})</source>
        <translation>不能包含控制字符（位置 {position} 处的 {char!r}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="321"/>
        <source>network unreachable for {where} — check the address and this machine&apos;s network</source>
        <translation>到 {where} 的网络不可达 — 请检查地址和本机网络</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="330"/>
        <source>no client is connected</source>
        <translation>没有已连接的客户端</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="331"/>
        <source>no client is connected; nothing was sent</source>
        <translation>没有已连接的客户端；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="332"/>
        <source>no datagram received yet, so there is nobody to reply to; nothing was sent</source>
        <translation>尚未收到任何数据报，没有可回复的对象；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="56"/>
        <source>a block device, not a regular file</source>
        <translation>块设备，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="31"/>
        <source> from {peer}</source>
        <translation> （来自 {peer}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="32"/>
        <source>&quot;hex&quot; is not hexadecimal</source>
        <translation>&quot;hex&quot; 不是十六进制</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="33"/>
        <source>, ALPN {name}</source>
        <translation>，ALPN {name}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="34"/>
        <source>; NOT VERIFIED (verification is off)</source>
        <translation>；未验证（验证已关闭）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="35"/>
        <source>; verified</source>
        <translation>；已验证</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="36"/>
        <source>FIN: recv() returned b&apos;&apos;</source>
        <translation>FIN：recv() 返回 b&apos;&apos;</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="37"/>
        <source>Imported from Packet Sender ({protocol}).</source>
        <translation>从 Packet Sender 导入（{protocol}）。</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="38"/>
        <source>Packet Sender sent it over SSL/TLS: use a TLS session.</source>
        <translation>Packet Sender 通过 SSL/TLS 发送它：请使用 TLS 会话。</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="39"/>
        <source>RST received</source>
        <translation>收到 RST</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="40"/>
        <source>RST sent (abort)</source>
        <translation>已发送 RST（中止）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="41"/>
        <source>TLS certificate verification is off (--insecure): the server is not authenticated, and anyone in between can read and change the traffic</source>
        <translation>TLS 证书验证已关闭（--insecure）：服务器身份未经验证，中间的任何人都能读取和篡改流量</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="42"/>
        <source>TLS certificate verification toward the server is off (--upstream-insecure): the server is not authenticated, and anyone in between can read and change the traffic</source>
        <translation>面向服务器的 TLS 证书验证已关闭（--upstream-insecure）：服务器身份未经验证，中间的任何人都能读取和篡改流量</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="43"/>
        <source>TLS error from {peer}: {reason}</source>
        <translation>来自 {peer} 的 TLS 错误：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="44"/>
        <source>TLS handshake with {peer} done: {version}, {cipher}{alpn}; {cert}{checked}</source>
        <translation>与 {peer} 的 TLS 握手完成：{version}，{cipher}{alpn}；{cert}{checked}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="45"/>
        <source>TLS handshake with {peer} failed: {reason}</source>
        <translation>与 {peer} 的 TLS 握手失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="46"/>
        <source>TLS is for TCP sessions; UDP has none (DTLS)</source>
        <translation>TLS 仅用于 TCP 会话；UDP 不支持（DTLS）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="47"/>
        <source>TLS {version} {cipher}</source>
        <translation>TLS {version} {cipher}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="48"/>
        <source>TLS: serving a self-signed certificate for {names}, valid until {expiry}; SHA-256 fingerprint {fingerprint}</source>
        <translation>TLS：正在使用为 {names} 生成的自签名证书，有效期至 {expiry}；SHA-256 指纹 {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="49"/>
        <source>UDP relay session #{conn} of {peer} closed by fault {spec}</source>
        <translation>{peer} 的 UDP 中继会话 #{conn} 被故障 {spec} 关闭</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="50"/>
        <source>UDP relay session #{conn} of {peer} ended</source>
        <translation>{peer} 的 UDP 中继会话 #{conn} 已结束</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="51"/>
        <source>UDP relay session #{conn} of {peer} ended (session stopped)</source>
        <translation>{peer} 的 UDP 中继会话 #{conn} 已结束（会话已停止）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="52"/>
        <source>UDP relay session #{conn} of {peer} expired after {seconds:g} s without a datagram</source>
        <translation>{peer} 的 UDP 中继会话 #{conn} 在 {seconds:g} 秒内没有数据报，已过期</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="53"/>
        <source>a TLS server needs a certificate: give the certificate and key files, or generate a self-signed certificate</source>
        <translation>TLS 服务器需要证书：请指定证书和私钥文件，或生成自签名证书</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="54"/>
        <source>a UDP relay has no half-close; nothing was done</source>
        <translation>UDP 中继没有半关闭；未执行任何操作</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="55"/>
        <source>a UDP relay needs inet or inet6: unix datagram senders have no address</source>
        <translation>UDP 中继需要 inet 或 inet6：unix 数据报的发送方没有地址</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="60"/>
        <source>a burst sends text or hex, not a file</source>
        <translation>burst 只能发送文本或十六进制，不能发送文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="61"/>
        <source>a capture failed and was stopped: {error}</source>
        <translation>捕获失败，已停止：{error}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="62"/>
        <source>a character device, not a regular file</source>
        <translation>字符设备，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="63"/>
        <source>a chunk check needs length:, starts_with: or contains:</source>
        <translation>chunk 检查需要 length:、starts_with: 或 contains:</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="64"/>
        <source>a chunk needs a number &quot;ts&quot; and a &quot;hex&quot; string</source>
        <translation>数据块需要数字 &quot;ts&quot; 和字符串 &quot;hex&quot;</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="66"/>
        <source>a directory, not a regular file</source>
        <translation>目录，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="67"/>
        <source>a duration needs a rate (messages/s or bytes/s)</source>
        <translation>时长需要配合速率（条/秒 或 字节/秒）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="68"/>
        <source>a fault spec must be text, not {value!r}</source>
        <translation>故障描述必须是文本，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="69"/>
        <source>a faults step needs faults: (a list of fault specs, [] for none)</source>
        <translation>faults 步骤需要 faults:（故障规格列表，[] 表示没有故障）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="70"/>
        <source>a field must be a JSON object, not {value!r}</source>
        <translation>字段必须是 JSON 对象，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="71"/>
        <source>a field needs a name without dots, not {name!r}</source>
        <translation>字段需要一个不含点号的名称，而不是 {name!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="72"/>
        <source>a key must be a word, not {key!r}</source>
        <translation>键必须是一个单词，而不是 {key!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="73"/>
        <source>a key needs its certificate: give the certificate file too</source>
        <translation>私钥需要对应的证书：请同时指定证书文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="74"/>
        <source>a lab needs predict: (question, choices, answer)</source>
        <translation>实验需要 predict:（问题、选项、答案）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="75"/>
        <source>a messages check needs texts: (a list)</source>
        <translation>messages 检查需要 texts:（一个列表）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="76"/>
        <source>a named pipe (FIFO), not a regular file</source>
        <translation>命名管道 (FIFO)，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="77"/>
        <source>a packet named {name!r} already exists</source>
        <translation>名为 {name!r} 的数据包已存在</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="78"/>
        <source>a pane holds at most {limit} templates</source>
        <translation>一个窗格最多保存 {limit} 个模板</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="79"/>
        <source>a pane name is a lowercase word (letters, digits, _), e.g. server</source>
        <translation>面板名称是一个小写单词（字母、数字、_），例如 server</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="80"/>
        <source>a prediction needs at least two choices:</source>
        <translation>预测至少需要两个 choices:</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="82"/>
        <source>a rate send paces each whole message itself: drop the interval, burst and split</source>
        <translation>速率发送自行控制每条完整消息的节奏：请去掉间隔、突发和拆分</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="83"/>
        <source>a rule must be an object, not {type}</source>
        <translation>规则必须是对象，而不是 {type}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="84"/>
        <source>a second packet with this name</source>
        <translation>同名的第二个数据包</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="85"/>
        <source>a set step needs nodelay:, recv_size: or read_delay_ms:</source>
        <translation>set 步骤需要 nodelay:、recv_size: 或 read_delay_ms:</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="87"/>
        <source>a socket, not a regular file</source>
        <translation>套接字文件，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="88"/>
        <source>a step is {{&quot;send&quot;: &quot;packet name&quot;}} or {{&quot;wait_ms&quot;: 0 to {limit}}}</source>
        <translation>步骤应为 {{&quot;send&quot;: &quot;packet name&quot;}} 或 {{&quot;wait_ms&quot;: 0 到 {limit}}}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="89"/>
        <source>a step needs either do: (an action) or expect: (a check)</source>
        <translation>每一步需要 do:（动作）或 expect:（检查）其中之一</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="90"/>
        <source>a symbolic link; choose the real file</source>
        <translation>符号链接；请选择实际的文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="91"/>
        <source>a template called {name!r} exists; choose another name</source>
        <translation>已有名为 {name!r} 的模板；请换一个名字</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="92"/>
        <source>a template has at most {limit} fields, not {count}</source>
        <translation>模板最多 {limit} 个字段，而不是 {count} 个</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="93"/>
        <source>a template must be a JSON object with a list of fields</source>
        <translation>模板必须是带有字段列表的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="94"/>
        <source>a template needs at least one field</source>
        <translation>模板至少需要一个字段</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="95"/>
        <source>a timeline file must end in .svg, .mmd or .json (it picks the format), not {name}</source>
        <translation>时间线文件名必须以 .svg、.mmd 或 .json 结尾（扩展名决定格式），而不是 {name}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="97"/>
        <source>a unix relay needs a socket path to bind</source>
        <translation>unix 中继需要一个要绑定的套接字路径</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="99"/>
        <source>a wait step needs ms: (0 to {max})</source>
        <translation>wait 步骤需要 ms:（0 到 {max}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="100"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="101"/>
        <source>a {kind} step needs one of text:, hex: or file:</source>
        <translation>{kind} 步骤需要 text:、hex: 或 file: 其中之一</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="104"/>
        <source>accept()</source>
        <translation>accept()</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="106"/>
        <source>accepted {peer} as relay connection #{conn}; connecting to {remote}</source>
        <translation>已接受 {peer} 为中继连接 #{conn}；正在连接 {remote}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="107"/>
        <source>accepting clients again; {count} connection attempts were refused while the process was out of file descriptors</source>
        <translation>已恢复接受客户端；进程文件描述符耗尽期间拒绝了 {count} 次连接尝试</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="108"/>
        <source>add a send step first: there is nothing to send</source>
        <translation>请先添加发送步骤：没有可发送的内容</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="113"/>
        <source>anchors and aliases (&amp;name, *name) are not supported; write the value out</source>
        <translation>不支持锚点和别名（&amp;name、*name）；请把值直接写出来</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="114"/>
        <source>at least {value}</source>
        <translation>至少 {value}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="115"/>
        <source>at most {count} faults per relay</source>
        <translation>每个中继最多 {count} 个故障</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="116"/>
        <source>at most {limit} rules</source>
        <translation>最多 {limit} 条规则</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="117"/>
        <source>at most {value}</source>
        <translation>至多 {value}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="118"/>
        <source>atomic groups (?&gt;...)</source>
        <translation>原子组 (?&gt;...)</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="119"/>
        <source>auto-reply paused: more than {limit} replies a second — is the peer echoing back?</source>
        <translation>自动应答已暂停：每秒超过 {limit} 次回复 — 对端是否也在回显？</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="120"/>
        <source>auto-reply paused: the peer sent our reply straight back {count} times in a row — two echoing peers would bounce it forever</source>
        <translation>自动应答已暂停：对端连续 {count} 次把我们的回复原样发回 — 两个回显端会让它永远来回弹跳</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="121"/>
        <source>auto-reply stopped: {reason}</source>
        <translation>自动应答已停止：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="125"/>
        <source>backreferences such as \1</source>
        <translation>反向引用（如 \1）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="128"/>
        <source>bad session setting: {error}</source>
        <translation>会话设置无效：{error}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="129"/>
        <source>bad value: {problem}</source>
        <translation>无效的值：{problem}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="140"/>
        <source>cannot accept more clients: the process is near its limit of {limit} open files; new connection attempts are refused until descriptors are freed — close connections or raise the limit (ulimit -n)</source>
        <translation>无法接受更多客户端：进程已接近 {limit} 个打开文件的上限；在释放出描述符之前，新的连接尝试将被拒绝 — 请关闭一些连接或提高上限（ulimit -n）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="141"/>
        <source>cannot accept more clients: the process is out of file descriptors; new connection attempts are refused until some are freed — close connections</source>
        <translation>无法接受更多客户端：进程的文件描述符已耗尽；在释放出描述符之前，新的连接尝试将被拒绝 — 请关闭一些连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="143"/>
        <source>cannot bind: {reason}</source>
        <translation>无法绑定：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="153"/>
        <source>cannot load the certificate and key ({reason}): give a PEM certificate and its unencrypted PEM key</source>
        <translation>无法加载证书和私钥（{reason}）：请提供 PEM 证书及其未加密的 PEM 私钥</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="156"/>
        <source>cannot read packet file {path}: {reason}</source>
        <translation>无法读取数据包文件 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="160"/>
        <source>cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="170"/>
        <source>cannot write packet file {path}: {reason}</source>
        <translation>无法写入数据包文件 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="178"/>
        <source>checksum {name!r} cannot cover itself</source>
        <translation>校验字段 {name!r} 不能覆盖自身</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="179"/>
        <source>choose a certificate file or a self-signed certificate, not both</source>
        <translation>请选择证书文件或自签名证书，不能同时选择</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="180"/>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="183"/>
        <source>close()</source>
        <translation>close()</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="184"/>
        <source>conditional groups (?(1)...|...)</source>
        <translation>条件组 (?(1)...|...)</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="185"/>
        <source>connect()</source>
        <translation>connect()</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="186"/>
        <source>connect() returned: connected</source>
        <translation>connect() 返回：已连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="187"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="195"/>
        <source>connection reset by peer (RST)</source>
        <translation>连接被对端重置（RST）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="200"/>
        <source>counts from 1 (the first); -1 is the newest</source>
        <translation>从 1（第一个）开始数；-1 表示最新的一个</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="202"/>
        <source>delimiter: {problem}</source>
        <translation>分隔符：{problem}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="206"/>
        <source>dual-stack is for inet6 sessions (a socket on :: or ::0)</source>
        <translation>双栈只用于 inet6 会话（绑定在 :: 或 ::0 上的套接字）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="209"/>
        <source>error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="210"/>
        <source>expected a single value, not a list or mapping</source>
        <translation>这里应是单个值，而不是列表或映射</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="211"/>
        <source>fault {spec!r} needs direction:name[:param=value,...], e.g. up:slicer:size=5</source>
        <translation>故障 {spec!r} 需要写成 方向:名称[:参数=值,...]，例如 up:slicer:size=5</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="212"/>
        <source>fault {spec} added</source>
        <translation>已添加故障 {spec}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="213"/>
        <source>fault {spec} applies to this connection</source>
        <translation>故障 {spec} 作用于此连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="214"/>
        <source>fault {spec} delays the close</source>
        <translation>故障 {spec} 推迟关闭</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="215"/>
        <source>fault {spec} dropped data</source>
        <translation>故障 {spec} 丢弃了数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="216"/>
        <source>fault {spec} is set</source>
        <translation>已设置故障 {spec}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="217"/>
        <source>fault {spec} removed</source>
        <translation>已移除故障 {spec}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="218"/>
        <source>fault {spec} resets the connection (RST)</source>
        <translation>故障 {spec} 复位连接 (RST)</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="219"/>
        <source>fault {spec} timed the connection out: closing it</source>
        <translation>故障 {spec} 使连接超时：正在关闭</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="220"/>
        <source>fault {spec}: byte limit reached, closing the connection</source>
        <translation>故障 {spec}：已达到字节上限，正在关闭连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="221"/>
        <source>faults apply to relay sessions only</source>
        <translation>故障只适用于中继会话</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="222"/>
        <source>fewer than {value}</source>
        <translation>少于 {value}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="223"/>
        <source>field {name!r} covers no fields</source>
        <translation>字段 {name!r} 没有覆盖任何字段</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="224"/>
        <source>field {name!r} covers {other!r}, which is not a field</source>
        <translation>字段 {name!r} 覆盖了 {other!r}，但它不是字段</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="225"/>
        <source>field {name!r}: a length must be an integer</source>
        <translation>字段 {name!r}：长度字段必须是整数</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="226"/>
        <source>field {name!r}: bit widths must add up to 8, 16, 24 ... 64 bits</source>
        <translation>字段 {name!r}：位宽之和必须是 8、16、24 …… 64 位</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="227"/>
        <source>field {name!r}: bits, covers or enum is malformed</source>
        <translation>字段 {name!r}：bits、covers 或 enum 格式不正确</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="228"/>
        <source>field {name!r}: each bit needs its own name</source>
        <translation>字段 {name!r}：每个位段都需要自己的名称</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="229"/>
        <source>field {name!r}: only integers have enum names</source>
        <translation>字段 {name!r}：只有整数字段可以有枚举名</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="230"/>
        <source>field {name!r}: only one variable field can take the rest of the message; give it a size or a length field</source>
        <translation>字段 {name!r}：只能有一个可变字段占用消息的剩余部分；请给它指定大小或长度字段</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="231"/>
        <source>field {name!r}: the byte order must be big, little or native, not {endian!r}</source>
        <translation>字段 {name!r}：字节序必须是 big、little 或 native，而不是 {endian!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="232"/>
        <source>field {name!r}: the role must be &apos;&apos; or &apos;length&apos;, not {role!r}</source>
        <translation>字段 {name!r}：角色必须是 &apos;&apos; 或 &apos;length&apos;，而不是 {role!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="233"/>
        <source>field {name!r}: the size must be 0 (variable) .. {limit} bytes, not {size!r}</source>
        <translation>字段 {name!r}：大小必须为 0（可变）到 {limit} 字节，而不是 {size!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="234"/>
        <source>field {name!r}: unknown checksum {algorithm!r}; choose one of {names}</source>
        <translation>字段 {name!r}：未知校验 {algorithm!r}；请从 {names} 中选择</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="235"/>
        <source>field {name!r}: unknown encoding {encoding!r}</source>
        <translation>字段 {name!r}：未知编码 {encoding!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="236"/>
        <source>field {name!r}: unknown kind {kind!r}; choose one of {kinds}</source>
        <translation>字段 {name!r}：未知类型 {kind!r}；请从 {kinds} 中选择</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="242"/>
        <source>give 1 to {max} panes</source>
        <translation>请给出 1 到 {max} 个面板</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="243"/>
        <source>give a rate in messages/s or in bytes/s, not both</source>
        <translation>速率请按 条/秒 或 字节/秒 给出，不能同时给出</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="244"/>
        <source>give the kind one level up, as kind:</source>
        <translation>请在上一层用 kind: 给出类型</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="245"/>
        <source>give the template a name</source>
        <translation>请给模板起个名字</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="246"/>
        <source>hexString is not hex bytes: {reason}</source>
        <translation>hexString 不是十六进制字节：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="250"/>
        <source>internal error in {command}: {error}</source>
        <translation>{command} 内部错误：{error}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="253"/>
        <source>is empty; there is nothing to send</source>
        <translation>为空；没有可发送的内容</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="254"/>
        <source>is larger than 1 MiB; send a file instead</source>
        <translation>超过 1 MiB；请改为发送文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="255"/>
        <source>is longer than {limit} characters</source>
        <translation>长度超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="257"/>
        <source>is nested more than {limit} levels deep; a profile never needs that</source>
        <translation>嵌套超过 {limit} 层；配置文件不需要这么深</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="259"/>
        <source>it did not start in time</source>
        <translation>没有按时启动</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="260"/>
        <source>it does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="261"/>
        <source>it is over {limit} bytes</source>
        <translation>超过 {limit} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="263"/>
        <source>joined multicast group {group} on interface {iface}</source>
        <translation>已在网卡 {iface} 上加入组播组 {group}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="264"/>
        <source>kernel state {state}, peer {peer_state}; receive queue {rx} B, send queue {tx} B</source>
        <translation>内核状态 {state}，对端 {peer_state}；接收队列 {rx} B，发送队列 {tx} B</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="265"/>
        <source>kernel state {state}: {queued} of {backlog} connections wait in the accept queue</source>
        <translation>内核状态 {state}：全连接队列中有 {queued} 个连接等待（backlog 为 {backlog}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="266"/>
        <source>kernel state {state}; receive queue {rx} B, send queue {tx} B</source>
        <translation>内核状态 {state}；接收队列 {rx} B，发送队列 {tx} B</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="269"/>
        <source>left multicast group {group} on interface {iface}</source>
        <translation>已在网卡 {iface} 上退出组播组 {group}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="271"/>
        <source>length {name!r} covers more than one variable field</source>
        <translation>长度字段 {name!r} 覆盖了不止一个可变字段</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="272"/>
        <source>length {name!r} says {value}, too short for the fields it covers</source>
        <translation>长度字段 {name!r} 的值为 {value}，不够它覆盖的字段</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="278"/>
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="279"/>
        <source>link type {link} is not supported</source>
        <translation>不支持链路类型 {link}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="280"/>
        <source>listening</source>
        <translation>正在监听</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="284"/>
        <source>longer than 64 MiB</source>
        <translation>超过 64 MiB</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="285"/>
        <source>lookahead (?=...) and (?!...)</source>
        <translation>前瞻断言 (?=...) 和 (?!...)</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="286"/>
        <source>lookbehind (?&lt;=...) and (?&lt;!...)</source>
        <translation>后顾断言 (?&lt;=...) 和 (?&lt;!...)</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="287"/>
        <source>max must be a whole number of bytes from 1 to {largest}</source>
        <translation>max 必须是 1 到 {largest} 之间的整数字节数</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="288"/>
        <source>max must be a whole number of bytes from 1 to {largest} (got {value!r})</source>
        <translation>max 必须是 1 到 {largest} 之间的整数字节数（实际为 {value!r}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="289"/>
        <source>more pieces than bytes in the message</source>
        <translation>分片数多于消息的字节数</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="290"/>
        <source>more than {limit} {what}; split the scenario</source>
        <translation>{what}超过 {limit} 个；请拆分场景</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="291"/>
        <source>more than {value}</source>
        <translation>多于 {value}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="292"/>
        <source>must be &quot;big&quot;, &quot;little&quot; or &quot;&quot; (the checksum&apos;s own order)</source>
        <translation>必须是 &quot;big&quot;、&quot;little&quot; 或 &quot;&quot;（校验和自身的字节序）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="294"/>
        <source>must be 1 to {limit} characters without control characters</source>
        <translation>必须为 1 到 {limit} 个字符，且不含控制字符</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="297"/>
        <source>must be a JSON object (or null for plain TCP)</source>
        <translation>必须是 JSON 对象（普通 TCP 为 null）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="298"/>
        <source>must be a JSON object of at most {limit} values</source>
        <translation>必须是最多含 {limit} 个值的 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="299"/>
        <source>must be a list (lines starting with -)</source>
        <translation>必须是列表（以 - 开头的行）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="300"/>
        <source>must be a list of fault specs (text)</source>
        <translation>必须是故障描述（文本）的列表</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="301"/>
        <source>must be a list of protocol names</source>
        <translation>必须是协议名称列表</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="302"/>
        <source>must be a list of strings</source>
        <translation>必须是字符串列表</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="303"/>
        <source>must be a number from {low:g} to {high:g}, not {value!r}</source>
        <translation>必须是 {low:g} 到 {high:g} 之间的数，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="306"/>
        <source>must be a whole number from 0 to 255</source>
        <translation>必须是 0 到 255 的整数</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="307"/>
        <source>must be a whole number from {low} to {high}, not {value!r}</source>
        <translation>必须是 {low} 到 {high} 之间的整数，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="308"/>
        <source>must be a whole number of at least 0, or empty for a random one</source>
        <translation>必须是不小于 0 的整数，留空则随机</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="309"/>
        <source>must be a whole number or pane.counter (client.tx_chunks)</source>
        <translation>必须是整数或 面板.计数（如 client.tx_chunks）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="313"/>
        <source>must be between 0 and 86400 seconds</source>
        <translation>必须在 0 到 86400 秒之间</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="314"/>
        <source>must be text; put it in quotes</source>
        <translation>必须是文本；请加上引号</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="316"/>
        <source>must be true or false, not {value!r}</source>
        <translation>必须是 true 或 false，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="317"/>
        <source>must be {kind}, not {value}</source>
        <translation>必须是{kind}，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="320"/>
        <source>named backreferences (?P=name)</source>
        <translation>命名反向引用 (?P=name)</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="322"/>
        <source>new UDP relay session #{conn} for {peer}, relayed from {local} to {remote}</source>
        <translation>{peer} 的新 UDP 中继会话 #{conn}，从 {local} 中继到 {remote}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="323"/>
        <source>no ALPN protocol both sides accept ({detail}): check the ALPN list</source>
        <translation>双方没有共同接受的 ALPN 协议（{detail}）：请检查 ALPN 列表</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="324"/>
        <source>no TLS handshake within {seconds} s: {peer} did not answer our hello; it may not speak TLS</source>
        <translation>{seconds} 秒内未完成 TLS 握手：{peer} 没有回应我方的 ClientHello；它可能不使用 TLS</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="325"/>
        <source>no TLS handshake within {seconds} s: {peer} may not speak TLS (a plain TCP client waits for the server to speak first)</source>
        <translation>{seconds} 秒内未完成 TLS 握手：{peer} 可能不使用 TLS（普通 TCP 客户端会等待服务器先发数据）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="326"/>
        <source>no TLS version both sides accept ({detail}): lower the minimum TLS version, or use a peer that speaks a newer one</source>
        <translation>双方没有共同接受的 TLS 版本（{detail}）：请降低最低 TLS 版本，或使用支持更新版本的对端</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="327"/>
        <source>no UDP relay session is open; nothing was sent</source>
        <translation>没有打开的 UDP 中继会话；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="328"/>
        <source>no check has id: {id}</source>
        <translation>没有检查的 id 是 {id}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="329"/>
        <source>no cipher suite both sides accept ({detail})</source>
        <translation>双方没有共同接受的密码套件（{detail}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="333"/>
        <source>no delimiter within the maximum {limit} bytes; dropping the message up to the next delimiter</source>
        <translation>在最大值 {limit} 字节内没有分隔符；丢弃该消息，直到下一个分隔符</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="334"/>
        <source>no interface {iface!r} on this machine; use one of: {names}</source>
        <translation>本机没有网卡 {iface!r}；请使用其中之一：{names}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="335"/>
        <source>no lab named {name!r}; the labs are: {names}</source>
        <translation>没有名为 {name!r} 的实验；现有实验：{names}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="336"/>
        <source>no names (no subjectAltName)</source>
        <translation>没有名称（无 subjectAltName）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="337"/>
        <source>no packet named {name!r}</source>
        <translation>没有名为 {name!r} 的数据包</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="338"/>
        <source>no pane named {name!r}</source>
        <translation>没有名为 {name!r} 的面板</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="339"/>
        <source>no profile named {name!r}</source>
        <translation>没有名为 {name!r} 的配置方案</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="340"/>
        <source>no relayed connection is open; nothing was sent</source>
        <translation>没有打开的中继连接；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="341"/>
        <source>no socket at {where} — is the server running, and is the path right?</source>
        <translation>{where} 处没有套接字 — 服务器是否在运行？路径是否正确？</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="342"/>
        <source>no target address: set the remote host and port; nothing was sent</source>
        <translation>没有目标地址：请设置远程主机和端口；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="343"/>
        <source>nodelay is a TCP option; {pane} is UDP</source>
        <translation>nodelay 是 TCP 选项；{pane} 是 UDP</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="344"/>
        <source>not JSON ({reason})</source>
        <translation>不是 JSON（{reason}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="345"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="346"/>
        <source>not a Packet Sender packet (no hexString or tcpOrUdp)</source>
        <translation>不是 Packet Sender 数据包（没有 hexString 或 tcpOrUdp）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="347"/>
        <source>not a hex pattern at position {position}: {char!r} (use hex bytes, ?? for one byte, * for any bytes)</source>
        <translation>位置 {position} 处不是十六进制模式：{char!r}（请用十六进制字节，?? 表示一个字节，* 表示任意字节）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="348"/>
        <source>not a regular file</source>
        <translation>非普通文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="349"/>
        <source>not valid YAML: {problem}</source>
        <translation>不是有效的 YAML：{problem}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="350"/>
        <source>nothing to match: enter the bytes, pattern or expression to look for</source>
        <translation>没有匹配内容：请输入要查找的字节、模式或表达式</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="351"/>
        <source>nothing to match: enter the text, hex bytes or regular expression to look for</source>
        <translation>没有匹配内容：请输入要查找的文本、十六进制字节或正则表达式</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="352"/>
        <source>nothing to match: the hex field has no bytes</source>
        <translation>没有匹配内容：十六进制字段中没有字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="353"/>
        <source>nothing was done</source>
        <translation>未执行任何操作</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="354"/>
        <source>nothing was sent</source>
        <translation>未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="355"/>
        <source>odd number of hex digits in &apos;{token}&apos; at position {position}</source>
        <translation>位置 {position} 处的 &apos;{token}&apos; 中十六进制位数为奇数</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="356"/>
        <source>only a relay has a server leg; a TCP client&apos;s TLS settings are its tls</source>
        <translation>只有中继才有服务器侧；TCP 客户端的 TLS 设置在它的 tls 中</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="357"/>
        <source>only a relay pane has legs (client_leg, server_leg)</source>
        <translation>只有中继窗格才有两侧（client_leg、server_leg）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="358"/>
        <source>only a server makes a self-signed certificate; a client verifies it with its CA file</source>
        <translation>只有服务器生成自签名证书；客户端用 CA 文件验证它</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="359"/>
        <source>packet file {path} holds {count} packets; the limit is {limit}</source>
        <translation>数据包文件 {path} 含 {count} 个数据包；上限为 {limit}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="360"/>
        <source>packet file {path} is not UTF-8 text (byte 0x{byte:02x} at offset {offset})</source>
        <translation>数据包文件 {path} 不是 UTF-8 文本（偏移 {offset} 处的字节 0x{byte:02x}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="361"/>
        <source>packet file {path} is not a netassistant packet file (no &quot;format&quot;: &quot;{format}&quot;)</source>
        <translation>数据包文件 {path} 不是 netassistant 数据包文件（没有 &quot;format&quot;: &quot;{format}&quot;）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="362"/>
        <source>packet file {path} is not valid JSON ({reason})</source>
        <translation>数据包文件 {path} 不是有效的 JSON（{reason}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="363"/>
        <source>packet file {path} is too large (over {limit} bytes)</source>
        <translation>数据包文件 {path} 太大（超过 {limit} 字节）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="364"/>
        <source>packet file {path} was written by a newer netassistant (version {version}; this one reads up to {supported}) — update netassistant to open it</source>
        <translation>数据包文件 {path} 由更新版本的 netassistant 写入（版本 {version}；本版本最多读取 {supported}）— 请更新 netassistant 后再打开</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="365"/>
        <source>packet file {path}: packets must be a JSON list</source>
        <translation>数据包文件 {path}：packets 必须是 JSON 列表</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="366"/>
        <source>packet file {path}: packets[{index}].name: {name!r} is used twice</source>
        <translation>数据包文件 {path}：packets[{index}].name：{name!r} 用了两次</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="367"/>
        <source>packet file {path}: version must be a whole number from 1</source>
        <translation>数据包文件 {path}：version 必须是从 1 起的整数</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="368"/>
        <source>packet file {path}: {reason}</source>
        <translation>数据包文件 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="369"/>
        <source>packet {name!r}: {reason}</source>
        <translation>数据包 {name!r}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="370"/>
        <source>payload contains the delimiter; it would be split into two messages</source>
        <translation>有效载荷中包含分隔符；它会被拆成两条消息</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="371"/>
        <source>payload ends with the start of the delimiter; the message would end too early</source>
        <translation>有效载荷以分隔符的开头部分结尾；消息会提前结束</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="372"/>
        <source>payload is {size} byte but fixed framing needs exactly {needed} bytes</source>
        <translation>有效载荷为 {size} 字节，但固定长度分帧需要正好 {needed} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="373"/>
        <source>payload is {size} bytes but fixed framing needs exactly {needed} byte</source>
        <translation>有效载荷为 {size} 字节，但固定长度分帧需要正好 {needed} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="374"/>
        <source>payload is {size} bytes but fixed framing needs exactly {needed} bytes</source>
        <translation>有效载荷为 {size} 字节，但固定长度分帧需要正好 {needed} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="375"/>
        <source>payload of {size} bytes exceeds the maximum {limit} bytes</source>
        <translation>{size} 字节的有效载荷超过最大值 {limit} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="376"/>
        <source>pcap cannot hold unix socket sessions (they have no IP addresses); use a text, CSV or JSONL log</source>
        <translation>pcap 无法保存 unix 套接字会话（它们没有 IP 地址）；请使用文本、CSV 或 JSONL 日志</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="377"/>
        <source>pcap needs IP addresses; {local} and {peer} are not (pcap cannot hold unix socket sessions)</source>
        <translation>pcap 需要 IP 地址；{local} 和 {peer} 不是（pcap 无法保存 unix 套接字会话）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="378"/>
        <source>peer certificate {subject}, issued by {issuer}, expires {expiry}</source>
        <translation>对端证书 {subject}，颁发者 {issuer}，到期 {expiry}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="379"/>
        <source>periodic send cancelled after {sent} sent</source>
        <translation>周期发送已取消，已发送 {sent}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="380"/>
        <source>periodic send stopped after {sent} sent: {reason}</source>
        <translation>周期发送已停止，已发送 {sent}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="381"/>
        <source>periodic send to {peer} stopped after {sent} sent: {reason}</source>
        <translation>到 {peer} 的周期发送已停止，已发送 {sent}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="382"/>
        <source>periodic send: {sent} sent</source>
        <translation>周期发送：已发送 {sent}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="383"/>
        <source>permission denied binding port {port} — ports below 1024 need administrator rights; choose a port above 1023</source>
        <translation>绑定端口 {port} 时权限被拒绝 — 1024 以下的端口需要管理员权限；请选择 1023 以上的端口</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="384"/>
        <source>permission denied creating socket {where} — choose a folder you can write to</source>
        <translation>创建套接字 {where} 时权限被拒绝 — 请选择一个有写权限的文件夹</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="385"/>
        <source>port must be 0 .. 65535, not {port}</source>
        <translation>端口必须在 0 .. 65535 之间，不能是 {port}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="386"/>
        <source>port {port} is already in use — a socket is listening on it (another program, or another session); choose another port or stop that one</source>
        <translation>端口 {port} 已被占用 — 已有套接字在该端口监听（另一个程序或另一个会话）；请换一个端口或停止它</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="387"/>
        <source>port {port} is already in use — another program is bound to it; choose another port or stop that program</source>
        <translation>端口 {port} 已被占用 — 另一个程序已绑定该端口；请选择其他端口或停止该程序</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="388"/>
        <source>port {port} is already in use — another program, or a recent server still in TIME_WAIT (try SO_REUSEADDR)</source>
        <translation>端口 {port} 已被占用 — 被另一个程序占用，或刚关闭的服务器仍处于 TIME_WAIT（可尝试 SO_REUSEADDR）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="389"/>
        <source>port {port} is held by {count} connections in TIME_WAIT from an earlier server — on Linux a new server can reuse it while they last (about 60 s) only if the earlier socket also had SO_REUSEADDR; wait a minute or choose another port</source>
        <translation>端口 {port} 被之前服务器的 {count} 个处于 TIME_WAIT 的连接占用 — 在 Linux 上，只有之前的套接字也设置了 SO_REUSEADDR，新服务器才能在这段时间（约 60 秒）内重用该端口；请等待一分钟或换一个端口</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="390"/>
        <source>port {value!r} is not a port number (0..65535)</source>
        <translation>端口 {value!r} 不是端口号（0..65535）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="391"/>
        <source>possessive repeats such as a++ or a*+</source>
        <translation>占有型重复（如 a++ 或 a*+）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="392"/>
        <source>profile file {path} is not valid JSON (line {line}, column {column}: {error}); it was left untouched — fix or delete it</source>
        <translation>配置方案文件 {path} 不是有效的 JSON（第 {line} 行，第 {column} 列：{error}）；该文件未被改动 — 请修复或删除它</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="393"/>
        <source>profile file {path} is not valid JSON (nested too deeply); it was left untouched — fix or delete it</source>
        <translation>配置方案文件 {path} 不是有效的 JSON（嵌套过深）；该文件未被改动 — 请修复或删除它</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="394"/>
        <source>profile file {path} is not valid UTF-8 text (byte 0x{byte:02x} at offset {offset}); it was left untouched — fix or delete it</source>
        <translation>配置方案文件 {path} 不是有效的 UTF-8 文本（偏移 {offset} 处的字节 0x{byte:02x}）；该文件未被改动 — 请修复或删除它</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="395"/>
        <source>profile file {path} is too large (over {limit} bytes); it was left untouched — fix or delete it</source>
        <translation>配置方案文件 {path} 太大（超过 {limit} 字节）；该文件未被改动 — 请修复或删除它</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="396"/>
        <source>profile file {path} was written by a newer netassistant (schema {version}; this version reads up to {supported}) — update netassistant to open it</source>
        <translation>配置方案文件 {path} 由更新版本的 netassistant 写入（格式版本 {version}；当前版本最多读取 {supported}）— 请升级 netassistant 后再打开</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="397"/>
        <source>profile file {path}: {field}: {reason}</source>
        <translation>配置方案文件 {path}：{field}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="398"/>
        <source>rate send cancelled after {sent} sent, {achieved} (target {target})</source>
        <translation>速率发送已取消，已发送 {sent} 条，{achieved}（目标 {target}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="399"/>
        <source>rate send stopped after {sent} sent: {reason}</source>
        <translation>速率发送在发送 {sent} 条后停止：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="400"/>
        <source>rate send to {peer} stopped after {sent} sent: {reason}</source>
        <translation>向 {peer} 的速率发送在发送 {sent} 条后停止：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="401"/>
        <source>rate send: done, {sent} sent, {achieved} (target {target})</source>
        <translation>速率发送：完成，已发送 {sent} 条，{achieved}（目标 {target}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="402"/>
        <source>rate send: {sent} sent, {achieved} (target {target})</source>
        <translation>速率发送：已发送 {sent} 条，{achieved}（目标 {target}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="403"/>
        <source>receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="404"/>
        <source>recv {length} B #{seq}</source>
        <translation>recv {length} B #{seq}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="405"/>
        <source>relay connection #{conn} is no longer open; {what}</source>
        <translation>中继连接 #{conn} 已不再打开；{what}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="406"/>
        <source>relay connection #{conn}: connected to {remote} from {local}</source>
        <translation>中继连接 #{conn}：已从 {local} 连接到 {remote}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="407"/>
        <source>relay connection #{conn}: {reason}; the client is reset</source>
        <translation>中继连接 #{conn}：{reason}；已复位客户端</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="408"/>
        <source>relaying UDP {local} to {remote}</source>
        <translation>正在将 UDP {local} 中继到 {remote}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="409"/>
        <source>relaying {local} to {remote}</source>
        <translation>正在将 {local} 中继到 {remote}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="410"/>
        <source>repeat counts over 1000, such as {{1001}}</source>
        <translation>超过 1000 的重复次数（如 {{1001}}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="411"/>
        <source>repeat send cancelled after {sent} of {count} sent</source>
        <translation>重复发送已取消，已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="412"/>
        <source>repeat send stopped after {sent} of {count} sent: {reason}</source>
        <translation>重复发送已停止，已发送 {sent}/{count}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="413"/>
        <source>repeat send to {peer} stopped after {sent} of {count} sent: {reason}</source>
        <translation>到 {peer} 的重复发送已停止，已发送 {sent}/{count}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="414"/>
        <source>repeat send: done, {sent} of {count} sent</source>
        <translation>重复发送：完成，已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="415"/>
        <source>repeat send: {sent} of {count} sent</source>
        <translation>重复发送：已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="416"/>
        <source>repeat {value!r} was not readable; no resend interval set.</source>
        <translation>无法读取 repeat {value!r}；未设置重发间隔。</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="417"/>
        <source>replay to {peer} cancelled after {sent} of {count} chunks</source>
        <translation>向 {peer} 的回放已取消，已发送 {sent}/{count} 个数据块</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="418"/>
        <source>replay to {peer} done: {sent} chunks sent</source>
        <translation>向 {peer} 的回放完成：已发送 {sent} 个数据块</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="419"/>
        <source>replay to {peer} failed after {sent} of {count} chunks: {reason}</source>
        <translation>向 {peer} 的回放在发送 {sent}/{count} 个数据块后失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="420"/>
        <source>replay to {peer} stopped after {sent} of {count} chunks: {reason}</source>
        <translation>向 {peer} 的回放在发送 {sent}/{count} 个数据块后停止：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="421"/>
        <source>replay to {peer}: {sent} of {count} chunks sent</source>
        <translation>向 {peer} 回放：已发送 {sent}/{count} 个数据块</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="422"/>
        <source>reply rules must be a JSON object</source>
        <translation>回复规则必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="423"/>
        <source>rule setting {key} must be {kind}, not {value!r}</source>
        <translation>规则设置 {key} 必须是{kind}，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="424"/>
        <source>rule {number}: {reason}</source>
        <translation>规则 {number}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="425"/>
        <source>rules must be a JSON list</source>
        <translation>rules 必须是 JSON 列表</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="426"/>
        <source>say exactly one of {keys}</source>
        <translation>请只给出以下之一：{keys}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="427"/>
        <source>send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="428"/>
        <source>send cancelled after {sent} of {count} sent</source>
        <translation>发送已取消，已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="429"/>
        <source>send stopped after {sent} of {count} sent: {reason}</source>
        <translation>发送已停止，已发送 {sent}/{count}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="430"/>
        <source>send to {peer} stopped after {sent} of {count} sent: {reason}</source>
        <translation>到 {peer} 的发送已停止，已发送 {sent}/{count}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="431"/>
        <source>send {length} B #{seq}</source>
        <translation>send {length} B #{seq}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="432"/>
        <source>send: done, {sent} of {count} sent</source>
        <translation>发送：完成，已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="433"/>
        <source>send: {sent} of {count} sent</source>
        <translation>发送：已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="434"/>
        <source>sent FIN to {peer} (half-close); still receiving</source>
        <translation>已向 {peer} 发送 FIN（半关闭）；仍在接收</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="435"/>
        <source>sent TLS close_notify and FIN to {peer} (half-close); still receiving</source>
        <translation>已向 {peer} 发送 TLS close_notify 和 FIN（半关闭）；仍在接收</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="436"/>
        <source>sent TLS close_notify to {peer}, which had already closed the connection</source>
        <translation>已向 {peer} 发送 TLS close_notify，但对方已经关闭了连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="437"/>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="438"/>
        <source>set {options} on {pane}</source>
        <translation>已在 {pane} 上设置 {options}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="439"/>
        <source>show must be hex, text or both, not {show!r}</source>
        <translation>show 必须是 hex、text 或 both，而不是 {show!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="440"/>
        <source>shutdown(SHUT_WR): FIN</source>
        <translation>shutdown(SHUT_WR)：FIN</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="441"/>
        <source>socket path is longer than 107 bytes; use a shorter path</source>
        <translation>套接字路径超过 107 字节；请使用更短的路径</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="442"/>
        <source>socket path {where} is already in use — another server is listening there, or a stale socket file was left behind; delete it or choose another path</source>
        <translation>套接字路径 {where} 已被占用 — 另一个服务器正在该处监听，或遗留了过期的套接字文件；请删除它或选择其他路径</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="443"/>
        <source>socket/bind/listen</source>
        <translation>socket/bind/listen</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="444"/>
        <source>split must be 1 .. {size} pieces for a {size}-byte payload, not {split}</source>
        <translation>{size} 字节的有效载荷只能拆分为 1 .. {size} 段，不能是 {split}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="445"/>
        <source>split send cancelled after {sent} of {count} sent</source>
        <translation>拆分发送已取消，已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="446"/>
        <source>split send stopped after {sent} of {count} sent: {reason}</source>
        <translation>拆分发送已停止，已发送 {sent}/{count}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="447"/>
        <source>split send to {peer} stopped after {sent} of {count} sent: {reason}</source>
        <translation>到 {peer} 的拆分发送已停止，已发送 {sent}/{count}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="448"/>
        <source>split send: done, {sent} of {count} sent</source>
        <translation>拆分发送：完成，已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="449"/>
        <source>split send: {sent} of {count} sent</source>
        <translation>拆分发送：已发送 {sent}/{count}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="450"/>
        <source>split sends text or hex, not a file</source>
        <translation>split 只能发送文本或十六进制，不能发送文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="451"/>
        <source>state {state}</source>
        <translation>状态 {state}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="452"/>
        <source>state {state}, peer {peer_state}</source>
        <translation>状态 {state}，对端 {peer_state}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="453"/>
        <source>step {number}: a wait must be 0 to {limit} ms</source>
        <translation>第 {number} 步：等待必须为 0 到 {limit} 毫秒</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="454"/>
        <source>step {number}: no packet named {name!r}</source>
        <translation>第 {number} 步：没有名为 {name!r} 的数据包</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="455"/>
        <source>step {number}: the steps must start with a send</source>
        <translation>第 {number} 步：步骤列表必须以发送开始</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="456"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="457"/>
        <source>text longer than {limit} characters; use file:</source>
        <translation>文本超过 {limit} 个字符；请使用 file:</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="458"/>
        <source>the UDP relay session has expired</source>
        <translation>UDP 中继会话已过期</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="459"/>
        <source>the built-in templates cannot be changed</source>
        <translation>内置模板不能修改</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="461"/>
        <source>the certificate of {peer} failed verification: {detail}</source>
        <translation>{peer} 的证书验证失败：{detail}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="463"/>
        <source>the certificate of {peer} is not valid before {date} (UTC); check both clocks</source>
        <translation>{peer} 的证书在 {date}（UTC）之前无效；请检查双方的时钟</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="464"/>
        <source>the chunk is cut short ({shown} of {length} bytes; the CLI&apos;s --json shows at most 64 KiB): record with the capture box&apos;s JSONL log instead</source>
        <translation>该数据块被截短（{length} 字节中只有 {shown} 字节；命令行的 --json 最多显示 64 KiB）：请改用捕获框的 JSONL 日志录制</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="465"/>
        <source>the client certificate of {peer} is not signed by the CA file&apos;s CA ({detail})</source>
        <translation>{peer} 的客户端证书不是由 CA 文件中的 CA 签发的（{detail}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="466"/>
        <source>the connection ended with {count} byte of an unfinished message; dropping them</source>
        <translation>连接已结束，未完成消息的 {count} 字节被丢弃</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="467"/>
        <source>the connection ended with {count} bytes of an unfinished message; dropping them</source>
        <translation>连接已结束，未完成消息的 {count} 字节被丢弃</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="468"/>
        <source>the connection is closed</source>
        <translation>连接已关闭</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="469"/>
        <source>the connection was aborted (RST sent)</source>
        <translation>连接已中止（已发送 RST）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="470"/>
        <source>the connection was closed</source>
        <translation>连接已被关闭</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="471"/>
        <source>the connection was closed (disconnect)</source>
        <translation>连接已被关闭（断开）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="472"/>
        <source>the counter is on but the payload has no {{n}} placeholder</source>
        <translation>已启用计数器，但有效载荷中没有 {{n}} 占位符</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="473"/>
        <source>the delay must be 0 to {limit} ms</source>
        <translation>延时必须为 0 到 {limit} 毫秒</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="474"/>
        <source>the duration must be 0 (no limit) .. {limit:,.0f} s, not {value}</source>
        <translation>时长必须为 0（不限）到 {limit:,.0f} 秒，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="475"/>
        <source>the file has more than {limit} values; split it</source>
        <translation>文件中的值超过 {limit} 个；请拆分</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="476"/>
        <source>the file is empty; a scenario needs panes: and steps:</source>
        <translation>文件为空；场景需要 panes: 和 steps:</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="477"/>
        <source>the file is larger than {limit} KiB; a scenario is a page of steps, put data in a file and send it with file:</source>
        <translation>文件超过 {limit} KiB；场景只是一页步骤，请把数据放进文件并用 file: 发送</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="478"/>
        <source>the file is not UTF-8 text; save it as UTF-8</source>
        <translation>文件不是 UTF-8 文本；请另存为 UTF-8</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="479"/>
        <source>the interval must be 0 ms or more, not {interval:g} ms</source>
        <translation>间隔必须为 0 毫秒或更长，不能是 {interval:g} 毫秒</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="480"/>
        <source>the kernel dropped {new} datagrams because the receive buffer was full ({total} in all) — raise SO_RCVBUF or read faster</source>
        <translation>接收缓冲区已满，内核丢弃了 {new} 个数据报（共 {total} 个）—— 请增大 SO_RCVBUF 或加快读取</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="481"/>
        <source>the kernel refused {new} connection attempts because an accept queue was full ({total} since this server started listening, counted for the whole machine) — raise the listen backlog or accept faster</source>
        <translation>由于接受队列已满，内核拒绝了 {new} 次连接尝试（自本服务器开始监听以来共 {total} 次，按整台机器统计）— 请增大监听队列（backlog）或更快地接受连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="482"/>
        <source>the key is encrypted with a password; use an unencrypted key</source>
        <translation>私钥已用密码加密；请使用未加密的私钥</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="483"/>
        <source>the key {key} does not match the certificate {cert}: choose the key made with that certificate</source>
        <translation>私钥 {key} 与证书 {cert} 不匹配：请选择与该证书一起生成的私钥</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="484"/>
        <source>the library holds at most {limit} packets</source>
        <translation>数据包库最多保存 {limit} 个数据包</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="485"/>
        <source>the message ends inside field {name!r}: it needs {size} bytes at offset {offset}, {left} are left</source>
        <translation>消息在字段 {name!r} 中间结束：它在偏移 {offset} 处需要 {size} 字节，只剩 {left} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="486"/>
        <source>the message is too short for field {name!r} and the fields after it</source>
        <translation>消息太短，放不下字段 {name!r} 及其后的字段</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="487"/>
        <source>the number {digits}… ({count} digits) is too large; the limit is {limit}</source>
        <translation>数字 {digits}…（{count} 位）太大；上限为 {limit}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="488"/>
        <source>the number {value} is too large; the limit is {limit}</source>
        <translation>数字 {value} 太大；上限为 {limit}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="489"/>
        <source>the oldest {count} steps were dropped (the timeline keeps the newest {limit})</source>
        <translation>已丢弃最早的 {count} 步（时间线只保留最新的 {limit} 步）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="490"/>
        <source>the payload is empty; there is nothing to send</source>
        <translation>有效载荷为空；没有要发送的数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="491"/>
        <source>the payload must be bytes</source>
        <translation>有效载荷必须是 bytes</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="492"/>
        <source>the peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="493"/>
        <source>the peer closed the connection (FIN)</source>
        <translation>对端关闭了连接 (FIN)</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="494"/>
        <source>the peer sent no certificate</source>
        <translation>对端未发送证书</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="495"/>
        <source>the receiving address is shown for UDP sessions</source>
        <translation>接收地址只对 UDP 会话显示</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="496"/>
        <source>the replay speed must be from {low} to {high} (or 0: as fast as possible), not {speed}</source>
        <translation>回放速度必须在 {low} 到 {high} 之间（或 0：尽可能快），而不是 {speed}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="497"/>
        <source>the reply is empty: enter text or hex bytes to send</source>
        <translation>回复为空：请输入要发送的文本或十六进制字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="498"/>
        <source>the reply is empty: enter what to send back</source>
        <translation>回复为空：请输入要回发的内容</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="499"/>
        <source>the reply is empty: the hex field has no bytes</source>
        <translation>回复为空：十六进制字段中没有字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="500"/>
        <source>the run was stopped</source>
        <translation>运行已被停止</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="501"/>
        <source>the scenario needs panes: (at least one)</source>
        <translation>场景需要 panes:（至少一个）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="502"/>
        <source>the scenario needs steps: (a list)</source>
        <translation>场景需要 steps:（一个列表）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="503"/>
        <source>the scenario ran out of time ({seconds:g} s)</source>
        <translation>场景超时（{seconds:g} 秒）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="504"/>
        <source>the send failed</source>
        <translation>发送失败</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="505"/>
        <source>the sending side was shut down (FIN sent)</source>
        <translation>发送方向已关闭（已发送 FIN）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="506"/>
        <source>the server {peer} requires a client certificate: give one with its key (--cert, --key)</source>
        <translation>服务器 {peer} 要求客户端证书：请提供证书及其私钥（--cert、--key）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="507"/>
        <source>the session stopped</source>
        <translation>会话已停止</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="508"/>
        <source>the session stopped before it started; nothing was sent</source>
        <translation>会话在发送开始前已停止；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="509"/>
        <source>the session stopped with {count} byte of an unfinished message; dropping them</source>
        <translation>会话已停止，未完成消息的 {count} 字节被丢弃</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="510"/>
        <source>the session stopped with {count} bytes of an unfinished message; dropping them</source>
        <translation>会话已停止，未完成消息的 {count} 字节被丢弃</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="511"/>
        <source>the side must be rx or tx, not {side!r}</source>
        <translation>方向必须是 rx 或 tx，而不是 {side!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="512"/>
        <source>the socket is closed</source>
        <translation>套接字已关闭</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="513"/>
        <source>the split gap must be 0 ms or more, not {gap:g} ms</source>
        <translation>段间间隔必须为 0 毫秒或更长，不能是 {gap:g} 毫秒</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="514"/>
        <source>the tag {tag} is not allowed; write a plain value</source>
        <translation>不允许使用标签 {tag}；请写普通的值</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="515"/>
        <source>the template is malformed: {error}</source>
        <translation>模板格式不正确：{error}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="516"/>
        <source>the wire cannot be shown: capturing on the loopback interface needs the CAP_NET_RAW capability; run as root, or give Python the capability with &apos;sudo setcap cap_net_raw+ep {python}&apos;</source>
        <translation>无法显示线路：在回环接口上抓包需要 CAP_NET_RAW 权限；请以 root 运行，或用 &apos;sudo setcap cap_net_raw+ep {python}&apos; 给 Python 授予该权限</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="517"/>
        <source>the wire cannot be shown: {reason}</source>
        <translation>无法显示线路：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="518"/>
        <source>the wire needs Linux (AF_PACKET); this system has no such capture</source>
        <translation>线路功能需要 Linux（AF_PACKET）；本系统没有这种抓包方式</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="519"/>
        <source>the wire needs the Python package dpkt: pip install dpkt</source>
        <translation>线路功能需要 Python 包 dpkt：pip install dpkt</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="520"/>
        <source>the wire shows TCP segments: this session is not TCP over IP</source>
        <translation>线路只显示 TCP 报文段：本会话不是基于 IP 的 TCP</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="521"/>
        <source>the {leg} leg of relay connection #{conn} is not open; {what}</source>
        <translation>中继连接 #{conn} 的{leg}侧未打开；{what}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="522"/>
        <source>the {name} must be a number above 0 and at most {limit:,.0f}, not {value}</source>
        <translation>{name} 必须是大于 0、不超过 {limit:,.0f} 的数，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="523"/>
        <source>this group or flag (RE2 knows (?:...), (?P&lt;name&gt;...), (?i), (?m), (?s) and (?U))</source>
        <translation>这种分组或标志（RE2 支持 (?:...)、(?P&lt;name&gt;...)、(?i)、(?m)、(?s) 和 (?U)）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="524"/>
        <source>this is not a netassistant profile (no &quot;schema_version&quot;)</source>
        <translation>这不是 netassistant 配置方案（没有 &quot;schema_version&quot;）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="525"/>
        <source>this profile listens on {address}, reachable from other machines</source>
        <translation>此配置监听 {address}，其他机器可以访问</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="526"/>
        <source>this profile receives UDP on {address}, reachable from other machines</source>
        <translation>此配置在 {address} 接收 UDP，其他机器可以访问</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="527"/>
        <source>this profile was written by a newer netassistant (schema {version}; this version reads up to {supported}) — update netassistant to open it</source>
        <translation>此配置方案由更新版本的 netassistant 写入（格式版本 {version}；当前版本最多读取 {supported}）— 请升级 netassistant 后再打开</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="528"/>
        <source>this socket {address}</source>
        <translation>本套接字 {address}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="529"/>
        <source>this system cannot report the receiving address ({reason}); turn the option off</source>
        <translation>本系统无法报告接收地址（{reason}）；请关闭该选项</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="530"/>
        <source>this system gives no kernel socket state (TCP_INFO is Linux only); none is shown</source>
        <translation>本系统不提供内核套接字状态（TCP_INFO 仅 Linux 支持），因此不显示</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="531"/>
        <source>toxicity must be a number 0..1 (the chance the fault applies), not {value!r} in {spec!r}</source>
        <translation>toxicity 必须是 0..1 之间的数（故障生效的概率），而 {spec!r} 中是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="532"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="533"/>
        <source>two fields are called {name!r}</source>
        <translation>有两个字段都叫 {name!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="534"/>
        <source>unknown TCP state; use one of {names}</source>
        <translation>未知的 TCP 状态；请使用以下之一：{names}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="535"/>
        <source>unknown TLS version {value!r}; use 1.2 or 1.3</source>
        <translation>未知的 TLS 版本 {value!r}；请使用 1.2 或 1.3</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="536"/>
        <source>unknown auto-reply match mode {value!r}; use text, hex or regex</source>
        <translation>未知的自动应答匹配方式 {value!r}；请使用 text、hex 或 regex</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="537"/>
        <source>unknown auto-reply mode {value!r}; use echo or match</source>
        <translation>未知的自动应答模式 {value!r}；请使用 echo 或 match</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="538"/>
        <source>unknown auto-reply reply mode {value!r}; use text or hex</source>
        <translation>未知的自动应答回复格式 {value!r}；请使用 text 或 hex</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="539"/>
        <source>unknown checksum {name!r}; choose one of {choices}</source>
        <translation>未知校验 {name!r}；请选择 {choices} 之一</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="540"/>
        <source>unknown checksum {name!r}; choose one of: {choices}</source>
        <translation>未知的校验和 {name!r}；请从以下选择：{choices}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="541"/>
        <source>unknown checksum {name!r}; use one of {names}</source>
        <translation>未知的校验和 {name!r}；请使用以下之一：{names}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="542"/>
        <source>unknown encoding {encoding!r}</source>
        <translation>未知的编码 {encoding!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="544"/>
        <source>unknown fault direction {direction!r} in {spec!r}; use up, down or both</source>
        <translation>{spec!r} 中的故障方向 {direction!r} 未知；请用 up、down 或 both</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="545"/>
        <source>unknown fault {name!r} in {spec!r}; use one of {names}</source>
        <translation>{spec!r} 中的故障 {name!r} 未知；请用以下之一：{names}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="546"/>
        <source>unknown field setting {key!r}; known: {known}</source>
        <translation>未知的字段设置 {key!r}；可用的有：{known}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="548"/>
        <source>unknown key {key} in {what}; check the spelling (docs/scenarios.md lists the keys)</source>
        <translation>{what} 中有未知的键 {key}；请检查拼写（docs/scenarios.md 列出了所有键）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="549"/>
        <source>unknown kind {kind!r}; use tcp-server, tcp-client, udp or relay</source>
        <translation>未知类型 {kind!r}；请用 tcp-server、tcp-client、udp 或 relay</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="550"/>
        <source>unknown language; use en or zh_CN</source>
        <translation>未知语言；请使用 en 或 zh_CN</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="551"/>
        <source>unknown match format {value!r}; use text or hex</source>
        <translation>未知匹配格式 {value!r}；请用 text 或 hex</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="552"/>
        <source>unknown match kind {value!r}; use any, exact, prefix, contains, hex or regex</source>
        <translation>未知匹配方式 {value!r}；请用 any、exact、prefix、contains、hex 或 regex</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="555"/>
        <source>unknown protocol {protocol!r} (expected TCP, UDP or SSL)</source>
        <translation>未知协议 {protocol!r}（应为 TCP、UDP 或 SSL）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="556"/>
        <source>unknown reply format {value!r}; use text or hex</source>
        <translation>未知回复格式 {value!r}；请用 text 或 hex</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="557"/>
        <source>unknown rule mode {value!r}; use first or all</source>
        <translation>未知规则模式 {value!r}；请用 first 或 all</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="558"/>
        <source>unknown rule setting {key!r}</source>
        <translation>未知规则设置 {key!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="559"/>
        <source>unknown rule source {value!r}; use chunk or message</source>
        <translation>未知规则来源 {value!r}；请用 chunk 或 message</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="565"/>
        <source>values are given but there is no template to build them with</source>
        <translation>给出了字段值，但没有可用来构建它们的模板</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="567"/>
        <source>waited {ms} ms</source>
        <translation>等待了 {ms} ms</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="568"/>
        <source>{counter}: {expected}</source>
        <translation>{counter}：{expected}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="571"/>
        <source>{count} datagrams dropped</source>
        <translation>丢弃了 {count} 个数据报</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="572"/>
        <source>{count} segments skipped: the wire shows at most {rate} a second</source>
        <translation>跳过了 {count} 个报文段：线路每秒最多显示 {rate} 个</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="573"/>
        <source>{dir} [{flags}] seq={seq} ack={ack} len={len} win={win}</source>
        <translation>{dir} [{flags}] seq={seq} ack={ack} len={len} win={win}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="575"/>
        <source>{expected} dropped</source>
        <translation>丢弃 {expected}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="577"/>
        <source>{flags} seq={tcp_seq} ack={ack} len={length} win={win}</source>
        <translation>{flags} seq={tcp_seq} ack={ack} len={length} win={win}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="580"/>
        <source>{group!r} is not an IP address; write a multicast group such as 239.1.2.3 or ff02::1:3, optionally @interface</source>
        <translation>{group!r} 不是 IP 地址；请写组播组，如 239.1.2.3 或 ff02::1:3，可加 @网卡</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="582"/>
        <source>{group} is an IPv{version} group; this socket is IPv{other}</source>
        <translation>{group} 是 IPv{version} 组；此套接字是 IPv{other}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="588"/>
        <source>{item!r} in {spec!r} is not param=value; {name} takes {params}</source>
        <translation>{spec!r} 中的 {item!r} 不是 参数=值 的形式；{name} 的参数有 {params}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="589"/>
        <source>{key!r} is not a field of template {template!r}</source>
        <translation>{key!r} 不是模板 {template!r} 的字段</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="590"/>
        <source>{key} is computed; it takes no value</source>
        <translation>{key} 是计算得出的，不接受输入值</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="591"/>
        <source>{key} is given twice in {what}</source>
        <translation>{what} 中 {key} 出现了两次</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="592"/>
        <source>{key}: must be a number or text, not {value}</source>
        <translation>{key}：必须是数字或文本，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="593"/>
        <source>{key}: needs exactly {size} bytes, not {count}</source>
        <translation>{key}：需要正好 {size} 字节，而不是 {count} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="594"/>
        <source>{key}: the length {value} is out of range for {kind}</source>
        <translation>{key}：长度 {value} 超出 {kind} 的范围</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="595"/>
        <source>{key}: {count} bytes do not fit in its {size}</source>
        <translation>{key}：{count} 字节放不进它的 {size} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="596"/>
        <source>{key}: {error}</source>
        <translation>{key}：{error}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="597"/>
        <source>{key}: {reason}</source>
        <translation>{key}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="598"/>
        <source>{key}: {value!r} cannot be written in {encoding}</source>
        <translation>{key}：{value!r} 无法用 {encoding} 编码</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="599"/>
        <source>{key}: {value!r} is not a number</source>
        <translation>{key}：{value!r} 不是数字</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="600"/>
        <source>{key}: {value!r} is not a whole number</source>
        <translation>{key}：{value!r} 不是整数</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="601"/>
        <source>{key}: {value!r} is not a whole number or one of {names}</source>
        <translation>{key}：{value!r} 不是整数，也不是 {names} 之一</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="602"/>
        <source>{key}: {value} does not fit in {width} bits (0 .. {high})</source>
        <translation>{key}：{value} 放不进 {width} 位（0 .. {high}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="603"/>
        <source>{key}: {value} is out of range for {kind} ({low} .. {high})</source>
        <translation>{key}：{value} 超出 {kind} 的范围（{low} .. {high}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="604"/>
        <source>{key}: {value} is too large for a 32-bit float</source>
        <translation>{key}：{value} 对 32 位浮点数来说太大</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="605"/>
        <source>{kind} does not apply to a {pane_kind} pane</source>
        <translation>{kind} 不适用于 {pane_kind} 面板</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="606"/>
        <source>{line}; TIME_WAIT ends in {seconds} s</source>
        <translation>{line}；TIME_WAIT 还剩 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="610"/>
        <source>{name!r} is not a host name or IP address</source>
        <translation>{name!r} 不是主机名或 IP 地址</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="611"/>
        <source>{name!r} is not a protocol name (printable ASCII without spaces or commas, e.g. h2 or http/1.1)</source>
        <translation>{name!r} 不是协议名称（不含空格和逗号的可打印 ASCII，例如 h2 或 http/1.1）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="614"/>
        <source>{name} has no parameter {param!r}; use {params}</source>
        <translation>{name} 没有参数 {param!r}；请用 {params}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="615"/>
        <source>{name} needs {param}= ({meaning}), e.g. {example}</source>
        <translation>{name} 需要 {param}=（{meaning}），例如 {example}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="616"/>
        <source>{name}: {param} must be a whole number {low}..{high}, not {value!r}</source>
        <translation>{name}：{param} 必须是 {low}..{high} 之间的整数，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="617"/>
        <source>{pane} accepts again</source>
        <translation>{pane} 重新开始接受连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="618"/>
        <source>{pane} closed its connection (FIN)</source>
        <translation>{pane} 关闭了连接（FIN）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="619"/>
        <source>{pane} did not start: {reason}</source>
        <translation>{pane} 未能启动：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="620"/>
        <source>{pane} did not stop in time</source>
        <translation>{pane} 没有按时停止</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="621"/>
        <source>{pane} has no such connection</source>
        <translation>{pane} 没有这个连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="622"/>
        <source>{pane} is already running</source>
        <translation>{pane} 已在运行</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="623"/>
        <source>{pane} is not running</source>
        <translation>{pane} 没有运行</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="624"/>
        <source>{pane} is not running; start it first</source>
        <translation>{pane} 没有运行；请先启动它</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="625"/>
        <source>{pane} relays with {faults} now</source>
        <translation>{pane} 现在带着 {faults} 转发</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="626"/>
        <source>{pane} relays without faults now</source>
        <translation>{pane} 现在不带故障地转发</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="627"/>
        <source>{pane} reset its connection (RST)</source>
        <translation>{pane} 复位了连接（RST）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="628"/>
        <source>{pane} sent; {count} TX chunks so far</source>
        <translation>{pane} 已发送；目前共 {count} 个发送块</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="629"/>
        <source>{pane} shut down writing (FIN); it still receives</source>
        <translation>{pane} 关闭了发送方向（FIN）；仍可接收</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="630"/>
        <source>{pane} stopped</source>
        <translation>{pane} 已停止</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="631"/>
        <source>{pane} stopped accepting</source>
        <translation>{pane} 停止接受连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="632"/>
        <source>{pane} {state} ({address})</source>
        <translation>{pane} {state}（{address}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="633"/>
        <source>{pane}: the send did not finish in time</source>
        <translation>{pane}：发送没有按时完成</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="634"/>
        <source>{pane}: the send ended {state}</source>
        <translation>{pane}：发送结束，状态为 {state}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="635"/>
        <source>{param} is given twice in {spec!r}</source>
        <translation>{spec!r} 中 {param} 出现了两次</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="637"/>
        <source>{path} has no {side} chunks to replay{peer}</source>
        <translation>{path} 中没有可回放的 {side} 数据块{peer}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="638"/>
        <source>{path} has {count} sections; a Packet Sender file with more than {limit} packets is not supported</source>
        <translation>{path} 有 {count} 个节；不支持超过 {limit} 个数据包的 Packet Sender 文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="639"/>
        <source>{path} holds no CA certificate (PEM or DER) that can be loaded</source>
        <translation>{path} 中没有可加载的 CA 证书（PEM 或 DER）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="640"/>
        <source>{path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)</source>
        <translation>{path} 中没有 PEM 证书（-----BEGIN CERTIFICATE-----）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="641"/>
        <source>{path} is neither a netassistant packet file nor a Packet Sender packets.ini (no packet sections found)</source>
        <translation>{path} 既不是 netassistant 数据包文件，也不是 Packet Sender 的 packets.ini（未找到数据包节）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="642"/>
        <source>{path} is not a JSON rules file: {reason}</source>
        <translation>{path} 不是 JSON 规则文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="644"/>
        <source>{path} is not a readable pcap file: {reason}</source>
        <translation>{path} 不是可读的 pcap 文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="645"/>
        <source>{path} is not a regular file</source>
        <translation>{path} 不是普通文件</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="646"/>
        <source>{path} is not empty; a pcap capture starts a new file: choose another name or delete it</source>
        <translation>{path} 不是空文件；pcap 捕获需要新文件：请换个名字或删除它</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="648"/>
        <source>{path} is too large for a rules file</source>
        <translation>{path} 作为规则文件太大</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="650"/>
        <source>{path}, line {line}: {reason}; nothing was sent</source>
        <translation>{path} 第 {line} 行：{reason}；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="651"/>
        <source>{path}, packet {number}: {reason}; nothing was sent</source>
        <translation>{path} 第 {number} 个数据包：{reason}；未发送任何数据</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="653"/>
        <source>{peer} closed the connection during the TLS handshake: it may not speak TLS, or it refused our settings</source>
        <translation>{peer} 在 TLS 握手期间关闭了连接：它可能不使用 TLS，或拒绝了我方设置</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="654"/>
        <source>{peer} does not trust our certificate ({detail}): give it our CA, or use a certificate it trusts</source>
        <translation>{peer} 不信任我方证书（{detail}）：请把我方 CA 交给它，或使用它信任的证书</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="656"/>
        <source>{peer} finished sending (FIN); the relay carries it to the {other}</source>
        <translation>{peer} 已结束发送 (FIN)；中继将它转给{other}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="657"/>
        <source>{peer} is not speaking TLS (what it sent is not a TLS record): it may be a plain TCP service; turn TLS off or check the port</source>
        <translation>{peer} 没有使用 TLS（它发送的不是 TLS 记录）：可能是普通 TCP 服务；请关闭 TLS 或检查端口</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="659"/>
        <source>{peer} sent no certificate</source>
        <translation>{peer} 未发送证书</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="660"/>
        <source>{peer} sent no client certificate and this server requires one (CA file set, verification on)</source>
        <translation>{peer} 未发送客户端证书，而本服务器要求提供（已设置 CA 文件且开启验证）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="661"/>
        <source>{protocol} is an HTTP request in Packet Sender, not raw socket data; netassistant sends bytes over TCP and UDP only</source>
        <translation>{protocol} 在 Packet Sender 中是 HTTP 请求，不是原始套接字数据；netassistant 只通过 TCP 和 UDP 发送字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="662"/>
        <source>{reason}; skipping its {count}-byte payload</source>
        <translation>{reason}；跳过其 {count} 字节的有效载荷</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="663"/>
        <source>{reason}; the stream is out of step, so the rest of this connection is not decoded</source>
        <translation>{reason}；数据流已错位，此连接的其余数据不再解码</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="665"/>
        <source>{value!r} is not one of {choices}</source>
        <translation>{value!r} 不在可选值中：{choices}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="666"/>
        <source>{value!r} is not pane.counter; counters: {names}</source>
        <translation>{value!r} 不是 面板.计数；可用计数：{names}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="667"/>
        <source>{value} B/s</source>
        <translation>{value} 字节/秒</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="675"/>
        <source>{value} msg/s</source>
        <translation>{value} 条/秒</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="676"/>
        <source>{what} must be a mapping of key: value</source>
        <translation>{what} 必须是“键: 值”形式的映射</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="677"/>
        <source>{what} needs {key}:</source>
        <translation>{what} 需要 {key}:</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="678"/>
        <source>{what}: give the English text as en:</source>
        <translation>{what}：请用 en: 给出英文文本</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="679"/>
        <source>{what}: must be text</source>
        <translation>{what}：必须是文本</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="680"/>
        <source>{where} exists and is not a socket; choose another path or remove it</source>
        <translation>{where} 已存在且不是套接字；请选择其他路径或删除它</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="681"/>
        <source>{where} is a directory, not a socket; choose another path</source>
        <translation>{where} 是目录，不是套接字；请选择其他路径</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="682"/>
        <source>{where} is a regular file, not a socket; choose another path or remove it</source>
        <translation>{where} 是普通文件，不是套接字；请选择其他路径或删除它</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="683"/>
        <source>{where}.buttons: must be a list of packet names</source>
        <translation>{where}.buttons：必须是数据包名称的列表</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="684"/>
        <source>{where}.name: is missing</source>
        <translation>{where}.name：缺失</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="685"/>
        <source>{where}.rounds: must be a whole number 1 to {limit}</source>
        <translation>{where}.rounds：必须是 1 到 {limit} 的整数</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="686"/>
        <source>{where}.steps: must be a list of at most {limit} steps</source>
        <translation>{where}.steps：必须是最多 {limit} 个步骤的列表</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="687"/>
        <source>{where}.{key}: unknown setting</source>
        <translation>{where}.{key}：未知设置</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="688"/>
        <source>{where}.{key}: {reason}</source>
        <translation>{where}.{key}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="689"/>
        <source>{where}: must be a JSON object</source>
        <translation>{where}：必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="690"/>
        <source>{where}: {reason}</source>
        <translation>{where}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="691"/>
        <source>{{checksum:NAME}}: unknown checksum {name!r}; choose one of {choices} (optionally :big or :little)</source>
        <translation>{{checksum:NAME}}：未知校验 {name!r}；请选择 {choices} 之一（可加 :big 或 :little）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="692"/>
        <source>{{hex:...}}: {reason}</source>
        <translation>{{hex:...}}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="693"/>
        <source>{{random:N}} needs a whole number N from 1 to {limit}, not {value!r}</source>
        <translation>{{random:N}} 需要 1 到 {limit} 的整数 N，而不是 {value!r}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="543"/>
        <source>unknown family {family!r}; use inet, inet6 or unix</source>
        <translation>未知的地址族 {family!r}；请使用 inet、inet6 或 unix</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="460"/>
        <source>the certificate of {peer} expired on {date} (UTC); renew it, or turn verification off ({insecure}) to talk anyway</source>
        <translation>{peer} 的证书已于 {date}（UTC）过期；请更新证书，或关闭验证（{insecure}）后继续通信</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="462"/>
        <source>the certificate of {peer} is not signed by a CA we trust ({detail}); if it is self-signed, give it (or its CA) as the CA file ({ca}), or turn verification off ({insecure})</source>
        <translation>{peer} 的证书不是由我们信任的 CA 签发的（{detail}）；如果是自签名证书，请把它（或其 CA）作为 CA 文件（{ca}），或关闭验证（{insecure}）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="547"/>
        <source>unknown framing {kind!r}; use delimiter:..., fixed:N or length:FMT</source>
        <translation>未知的分帧方式 {kind!r}；请使用 delimiter:...、fixed:N 或 length:FMT</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="553"/>
        <source>unknown option {option!r} for delimiter-hex framing; use keep or max=N</source>
        <translation>delimiter-hex 分帧不支持选项 {option!r}；请使用 keep 或 max=N</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="554"/>
        <source>unknown option {option!r} for length framing; use incl or max=N</source>
        <translation>length 分帧不支持选项 {option!r}；请使用 incl 或 max=N</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="560"/>
        <source>unknown setting</source>
        <translation>未知的设置项</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="561"/>
        <source>unknown text encoding {encoding!r}; try utf-8 or gbk</source>
        <translation>未知的文本编码 {encoding!r}；请尝试 utf-8 或 gbk</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="562"/>
        <source>unsupported in auto-reply regular expressions: {detail} (auto-reply uses RE2, which never backtracks, so no pattern can freeze the session)</source>
        <translation>自动回复的正则表达式不支持：{detail}（自动回复使用 RE2 引擎，从不回溯，任何模式都不会让会话卡死）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="563"/>
        <source>unsupported in auto-reply regular expressions: {what} (auto-reply uses RE2, which never backtracks, so no pattern can freeze the session)</source>
        <translation>自动回复的正则表达式不支持：{what}（自动回复使用 RE2 引擎，从不回溯，任何模式都不会让会话卡死）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="564"/>
        <source>upgrade from schema {version} did not give a JSON object</source>
        <translation>从格式版本 {version} 升级后得到的不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="566"/>
        <source>verbose mode (?x)</source>
        <translation>详细模式 (?x)</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="569"/>
        <source>{count} clients</source>
        <translation>{count} 个客户端</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="570"/>
        <source>{count} connection attempts were refused while the process was out of file descriptors</source>
        <translation>进程文件描述符耗尽期间拒绝了 {count} 次连接尝试</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="574"/>
        <source>{error}; the datagram was not sent</source>
        <translation>{error}；数据报未发送</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="576"/>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="578"/>
        <source>{fmt!r} is not a single integer struct format (try !I, &lt;H or B)</source>
        <translation>{fmt!r} 不是单个整数的 struct 格式（可尝试 !I、&lt;H 或 B）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="579"/>
        <source>{group!r} is not an IP address</source>
        <translation>{group!r} 不是 IP 地址</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="581"/>
        <source>{group} does not match family {family}</source>
        <translation>{group} 与地址族 {family} 不匹配</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="583"/>
        <source>{group} is not a multicast address (224.0.0.0/4 or ff00::/8)</source>
        <translation>{group} 不是组播地址（224.0.0.0/4 或 ff00::/8）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="584"/>
        <source>{hex!r} is not valid hex for a delimiter (two digits per byte, e.g. 0d0a)</source>
        <translation>{hex!r} 不是有效的十六进制分隔符（每字节两位，例如 0d0a）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="585"/>
        <source>{host!r} is not an IP address or host name</source>
        <translation>{host!r} 不是 IP 地址或主机名</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="586"/>
        <source>{host} is an IPv4 address; choose family inet or an IPv6 address</source>
        <translation>{host} 是 IPv4 地址；请选择地址族 inet，或改用 IPv6 地址</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="587"/>
        <source>{host} is an IPv6 address; choose family inet6 or an IPv4 address</source>
        <translation>{host} 是 IPv6 地址；请选择地址族 inet6，或改用 IPv4 地址</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="607"/>
        <source>{message}; {accepted} bytes of the send under way were accepted by the kernel, {unsent} bytes were never sent</source>
        <translation>{message}；正在进行的发送中有 {accepted} 字节已被内核接收，{unsent} 字节从未发送</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="608"/>
        <source>{message}; {unsent} queued bytes were not sent</source>
        <translation>{message}；排队的 {unsent} 字节未发送</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="609"/>
        <source>{name!r} is also used by {path}; rename or delete one of them</source>
        <translation>{name!r} 也被 {path} 使用；请重命名或删除其中一个</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="612"/>
        <source>{name!r} is the name of a built-in example, so this file is not used; rename or delete it</source>
        <translation>{name!r} 是内置示例的名称，因此不使用此文件；请重命名或删除它</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="613"/>
        <source>{name!r} is the name of a built-in example; choose another name</source>
        <translation>{name!r} 是内置示例的名称；请换一个名称</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="636"/>
        <source>{path} does not exist</source>
        <translation>{path} 不存在</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="643"/>
        <source>{path} is not a netassistant profile (no &quot;schema_version&quot;)</source>
        <translation>{path} 不是 netassistant 配置方案（没有 &quot;schema_version&quot;）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="647"/>
        <source>{path} is over {limit} bytes</source>
        <translation>{path} 超过 {limit} 字节</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="649"/>
        <source>{path} is {kind}</source>
        <translation>{path} 是{kind}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="652"/>
        <source>{peer} closed the connection (FIN)</source>
        <translation>{peer} 关闭了连接 (FIN)</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="655"/>
        <source>{peer} finished sending (FIN); the connection stays open for sending</source>
        <translation>{peer} 已结束发送（FIN）；连接仍保持打开，可继续发送</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="658"/>
        <source>{peer} refused the datagram — nothing is listening on that port (ICMP port unreachable)</source>
        <translation>{peer} 拒绝了数据报 — 该端口上没有程序在监听（ICMP 端口不可达）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="664"/>
        <source>{value!r} cannot be stored in JSON; use a finite number</source>
        <translation>{value!r} 无法存储为 JSON；请使用有限的数值</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="668"/>
        <source>{value} is not JSON data (use strings, numbers, true/false, null, lists or objects)</source>
        <translation>{value} 不是 JSON 数据（请使用字符串、数字、true/false、null、列表或对象）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="669"/>
        <source>{value} is out of range {low}..{high}</source>
        <translation>{value} 超出范围 {low}..{high}</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="670"/>
        <source>{value} is out of range {low}..{high} (0 = any free port)</source>
        <translation>{value} 超出范围 {low}..{high}（0 = 任意空闲端口）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="671"/>
        <source>{value} is out of range {low}..{high} bytes (0 = system default)</source>
        <translation>{value} 超出范围 {low}..{high} 字节（0 = 系统默认）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="672"/>
        <source>{value} is out of range {low}..{high} bytes (1 B .. 1 MiB)</source>
        <translation>{value} 超出范围 {low}..{high} 字节（1 B .. 1 MiB）</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="673"/>
        <source>{value} is out of range {low}..{high} connections</source>
        <translation>{value} 超出范围 {low}..{high} 个连接</translation>
    </message>
    <message>
        <location filename="../../qt/coremessages.py" line="674"/>
        <source>{value} is out of range {low}..{high} milliseconds</source>
        <translation>{value} 超出范围 {low}..{high} 毫秒</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../ui/labs/labfiles.py" line="21"/>
        <source>Open scenario or lab</source>
        <translation>打开场景或实验</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labfiles.py" line="23"/>
        <source>Scenario and lab files (*.yaml *.yml);;All files (*)</source>
        <translation>场景和实验文件 (*.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labfiles.py" line="32"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labfiles.py" line="35"/>
        <source>Cannot use this scenario</source>
        <translation>无法使用此场景</translation>
    </message>
    <message>
        <location filename="../../ui/labs/labfiles.py" line="36"/>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
</context>
</TS>
