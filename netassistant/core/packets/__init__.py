"""The packet library: named packets to send, stored beside the profiles.

:mod:`.model` is one packet and its checks, :mod:`.library` the ``packets.json`` file and
JSON import/export, :mod:`.packetsender` the import of Packet Sender's ``packets.ini``.
"""
