package nprand
import ("os";"encoding/binary";"math";"testing")
func TestTmpNormals(t *testing.T){
 b,_:=os.ReadFile("/tmp/np_normals_seed7.bin")
 r:=New(7); bad:=0
 for i:=0;i<len(b)/8;i++{ w:=math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:])); g:=r.StandardNormal(); if g!=w {bad++; if bad<5 {t.Logf("i=%d got %v want %v",i,g,w)}}}
 t.Logf("bad=%d of %d", bad, len(b)/8)
}
