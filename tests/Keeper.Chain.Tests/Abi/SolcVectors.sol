// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract Vectors {
    struct T { uint8 x; string y; }
    struct S { uint256 a; uint256[] b; T[] c; bytes3 d; int16 e; address f; bool g; }

    error Unauthorized(address caller, uint256 required);

    event Noted(string indexed note, uint256[] indexed ids, T indexed pair, bytes blob, int32 plain);
    event Nested(S indexed s, bytes32[2] indexed fixedArr, string[] indexed names);
    event Anon(uint256 indexed a, address indexed b, bool indexed c, bytes32 indexed d, string note) anonymous;

    function packedKey(string calldata name) external pure returns (bytes32) {
        return keccak256(abi.encodePacked("contract.address", name));
    }

    function packedMixed() external pure returns (bytes memory) {
        uint8[] memory arr = new uint8[](2);
        arr[0] = 1; arr[1] = 255;
        int24[2] memory fixedInts = [int24(-5), int24(7)];
        return abi.encodePacked(int16(-1), bytes1(0x42), uint16(3), "Hello, world!", address(0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed), true, arr, fixedInts, hex"beef", uint256(1), int256(-2));
    }

    function sample() public pure returns (S memory s) {
        s.a = 7;
        s.b = new uint256[](3);
        s.b[0] = 1; s.b[1] = type(uint256).max; s.b[2] = 0;
        s.c = new T[](2);
        s.c[0] = T(5, "five");
        s.c[1] = T(255, "a string that is longer than thirty-two bytes, with unicode \u00e9\u20ac");
        s.d = 0x616263;
        s.e = -300;
        s.f = 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed;
        s.g = true;
    }

    function encodeSample() external pure returns (bytes memory) {
        string[] memory names = new string[](3);
        names[0] = ""; names[1] = "x"; names[2] = "thirty-two bytes exactly........";
        return abi.encode(sample(), names, int8(-1), bytes32(uint256(1)));
    }

    function echo(S calldata s, string[] calldata names) external pure returns (S memory, string[] memory) {
        return (s, names);
    }

    function emitAll() external {
        uint256[] memory ids = new uint256[](2);
        ids[0] = 1; ids[1] = 2;
        emit Noted("hello", ids, T(7, "x"), hex"010203", -9);
        string[] memory names = new string[](2);
        names[0] = "one"; names[1] = "a longer name that spans more than thirty-two bytes";
        bytes32[2] memory fixedArr = [bytes32(uint256(0xaa)), bytes32(uint256(0xbb))];
        emit Nested(sample(), fixedArr, names);
        emit Anon(1, address(0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed), true, bytes32(uint256(3)), "anon");
    }

    function failCustom() external view { revert Unauthorized(msg.sender, 5); }
    function failString() external pure { revert("Not enough Ether provided."); }
    function failPanic(uint256 x) external pure returns (uint256) { return 10 / x; }
    function failOverflow(uint8 x) external pure returns (uint8) { return x + 250; }
}
