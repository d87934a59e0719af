"""The templates shipped with netassistant, as examples to send, decode and copy.

- the tutorials' ``struct`` header message: ``struct.pack('i', len(data)) + data`` (a
  native-order signed 4-byte length, then the payload), the classic fix for 粘包;
- Modbus/TCP "read holding registers" request and response (MBAP header: transaction,
  protocol 0, a length counting the unit id onwards, the unit id; then the PDU);
- a length + type + payload + CRC-16 frame, the shape of many serial-to-Ethernet devices.
"""

from __future__ import annotations

from netassistant.core.templates.model import Field, Template

#: Modbus function codes a request or response may carry (the common ones).
MODBUS_FUNCTIONS = {
    "read_coils": 1,
    "read_discrete_inputs": 2,
    "read_holding_registers": 3,
    "read_input_registers": 4,
    "write_single_coil": 5,
    "write_single_register": 6,
    "write_multiple_registers": 16,
}


def _mbap() -> tuple[Field, ...]:
    return (
        Field("transaction", "u16", default=1),
        Field("protocol", "u16", default=0),
        Field("length", "u16", role="length", covers=("unit", "")),
        Field("unit", "u8", default=1),
        Field("function", "u8", default=3, enum=MODBUS_FUNCTIONS),
    )


STRUCT_HEADER = Template(
    "struct header message",
    (
        Field("length", "i32", endian="native", role="length", covers=("payload", "payload")),
        Field("payload", "string", default="hello"),
    ),
    "struct.pack('i', len(data)) + data, as in the socket tutorials",
)

MODBUS_TCP_REQUEST = Template(
    "Modbus/TCP read holding registers request",
    (*_mbap(), Field("address", "u16", default=0), Field("quantity", "u16", default=10)),
    "MBAP header, then function 3, the first register and how many",
)

MODBUS_TCP_RESPONSE = Template(
    "Modbus/TCP read holding registers response",
    (
        *_mbap(),
        Field("byte_count", "u8", role="length", covers=("registers", "registers")),
        Field("registers", "bytes", default="00 0a 00 14"),
    ),
    "MBAP header, then function 3, a byte count and the registers' values",
)

LENGTH_TYPE_CRC = Template(
    "length + type + payload + CRC-16",
    (
        Field("length", "u16", role="length", covers=("type", "payload")),
        Field("type", "u8", default=2, enum={"ping": 1, "data": 2, "ack": 3}),
        Field("payload", "bytes", default="48 69"),
        Field("crc", "checksum", endian="little", algorithm="crc16-modbus"),
    ),
    "a 2-byte length of type and payload, then CRC-16/MODBUS (low byte first) of it all",
)

BUILTIN_TEMPLATES: tuple[Template, ...] = (
    STRUCT_HEADER,
    MODBUS_TCP_REQUEST,
    MODBUS_TCP_RESPONSE,
    LENGTH_TYPE_CRC,
)
