package ganinv.metrics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The Fréchet distance between two Gaussians fitted to feature sets (Heusel et al. 2017):
 * ||μ1 − μ2||² + tr(Σ1) + tr(Σ2) − 2·tr((Σ1Σ2)^½). It is FID when the features are Inception's;
 * every caller must say which features it used.
 *
 * <p>tr((Σ1Σ2)^½) is computed without the non-symmetric square root pytorch-fid takes with
 * scipy: Σ1Σ2 is similar to Σ1^½Σ2Σ1^½, which is symmetric positive semi-definite, so the trace
 * is Σ√λᵢ over that matrix's eigenvalues. Both square roots come from EJML's symmetric
 * eigendecomposition; eigenvalues below zero (rounding) count as zero. Agrees with pytorch-fid's
 * formula to 1e-6 relative on the scipy fixtures.
 */
public final class Fid {
    private Fid() {
    }

    public static double distance(FeatureStats a, FeatureStats b) {
        if (a.dim() != b.dim()) {
            throw new IllegalArgumentException("feature sizes differ: " + a.dim() + " and " + b.dim());
        }
        int d = a.dim();
        double meanTerm = 0;
        double traces = 0;
        for (int i = 0; i < d; i++) {
            double diff = a.mean()[i] - b.mean()[i];
            meanTerm += diff * diff;
            traces += a.covariance()[i * d + i] + b.covariance()[i * d + i];
        }
        DMatrixRMaj s1 = new DMatrixRMaj(d, d, true, a.covariance());
        DMatrixRMaj s2 = new DMatrixRMaj(d, d, true, b.covariance());
        DMatrixRMaj root1 = symmetricSqrt(s1);
        DMatrixRMaj tmp = new DMatrixRMaj(d, d);
        DMatrixRMaj middle = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(root1, s2, tmp);
        CommonOps_DDRM.mult(tmp, root1, middle);
        symmetrise(middle);
        double traceRoot = 0;
        for (double lambda : eigenvalues(middle)) {
            traceRoot += Math.sqrt(Math.max(lambda, 0));
        }
        return meanTerm + traces - 2 * traceRoot;
    }

    /** V·diag(√max(λ, 0))·Vᵀ for a symmetric matrix. */
    static DMatrixRMaj symmetricSqrt(DMatrixRMaj m) {
        int d = m.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(m.copy())) {
            throw new IllegalStateException("eigendecomposition did not converge");
        }
        DMatrixRMaj out = new DMatrixRMaj(d, d);
        for (int k = 0; k < d; k++) {
            double root = Math.sqrt(Math.max(eig.getEigenvalue(k).getReal(), 0));
            DMatrixRMaj v = eig.getEigenVector(k);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    out.add(i, j, root * v.get(i) * v.get(j));
                }
            }
        }
        return out;
    }

    private static double[] eigenvalues(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false, true);
        if (!eig.decompose(m.copy())) {
            throw new IllegalStateException("eigendecomposition did not converge");
        }
        double[] values = new double[m.numRows];
        for (int k = 0; k < values.length; k++) {
            values[k] = eig.getEigenvalue(k).getReal();
        }
        return values;
    }

    private static void symmetrise(DMatrixRMaj m) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = i + 1; j < m.numCols; j++) {
                double avg = (m.get(i, j) + m.get(j, i)) / 2;
                m.set(i, j, avg);
                m.set(j, i, avg);
            }
        }
    }
}
